package io.newswatch.alerts.web;

import io.javalin.http.HttpStatus;

/** A refusal with its HTTP status and a message for the caller (never holding a secret). */
final class ApiError extends RuntimeException {
    private final HttpStatus status;

    ApiError(HttpStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
