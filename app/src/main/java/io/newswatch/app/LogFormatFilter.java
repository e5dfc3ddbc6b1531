package io.newswatch.app;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Lets an event through the console appender of the selected log format only ({@code logback.xml} attaches the
 * text and the JSON appender to the root, each behind this filter). The selection starts from
 * {@code NEWSWATCH_LOGGING_FORMAT} in logback.xml and is replaced by {@link LogFormat#apply} once the config
 * (file and environment) is read. Thread-safe: the selection is one volatile field.
 */
public final class LogFormatFilter extends Filter<ILoggingEvent> {
    private static volatile String selected = LogFormat.TEXT;

    private String format;

    /** The format of the appender this filter guards: {@code text} or {@code json}. */
    public void setFormat(String format) {
        this.format = format;
    }

    /** The format to write, as logback.xml reads it from the environment. */
    public void setSelected(String format) {
        select(format);
    }

    static void select(String format) {
        selected = format;
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return selected.equals(format) ? FilterReply.NEUTRAL : FilterReply.DENY;
    }
}
