package io.newswatch.alerts;

import io.newswatch.model.Alert;

/**
 * What the raiser remembers of one alert (store {@value AlertTopology#ALERTED_STORE}): the alert as of its
 * newest version, including changes not yet sent, and three stream times.
 *
 * @param alert       the alert with every change so far; its version is the last one emitted, plus one if pending
 * @param lastEmitted stream time (ms) the last version was written to the alerts topic
 * @param lastSeen    stream time (ms) of the story's latest article for this rule
 * @param pending     whether {@code alert} holds changes not yet written
 */
record AlertState(Alert alert, long lastEmitted, long lastSeen, boolean pending) {
}
