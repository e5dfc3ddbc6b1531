package io.newswatch.processor;

import io.micrometer.core.instrument.MeterRegistry;
import io.newswatch.model.topic.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * The processor's two Kafka Streams applications, run and watched as one.
 *
 * <ul>
 *   <li><b>analysis</b> ({@link NewsTopology#analysis}, application id {@code processor.applicationId},
 *       {@code processor.threads} threads): one task per article partition, so it scales with partitions and
 *       threads;</li>
 *   <li><b>ordered</b> ({@link NewsTopology#ordered}, application id {@link ProcessorConfig#orderedApplicationId()},
 *       one thread): the single-partition dedup and story stage, whose one task must keep up with all of the
 *       analysis.</li>
 * </ul>
 *
 * <p>As one application the two stages' tasks shared its threads however Kafka Streams' assignor placed them,
 * and it can put the ordered task on a thread with an analysis task (leaving another thread idle): the one
 * serial stage then gets half a thread. As its own application it always has a thread to itself. Both run
 * exactly_once_v2; the stories topic between them is read with read_committed, so nothing is lost or doubled
 * between the two. Built by {@link ProcessorFactory#streams}. Not thread-safe; start and close from one thread.
 */
public final class ProcessorStreams implements AutoCloseable {
    private final KafkaStreams analysis;
    private final KafkaStreams ordered;

    /**
     * @param analysis Kafka Streams settings of the analysis application (id, state directory, threads)
     * @param ordered  Kafka Streams settings of the ordered application (id, state directory, one thread)
     */
    ProcessorStreams(Topics topics, ArticlePipeline pipeline, NewsTopology.StoryStage stage, MeterRegistry metrics, Properties analysis,
                     Properties ordered) {
        this.analysis = new KafkaStreams(NewsTopology.analysis(topics, pipeline, stage, metrics), analysis);
        this.ordered = new KafkaStreams(NewsTopology.ordered(topics, stage, metrics), ordered);
    }

    public void setUncaughtExceptionHandler(StreamsUncaughtExceptionHandler handler) {
        analysis.setUncaughtExceptionHandler(handler);
        ordered.setUncaughtExceptionHandler(handler);
    }

    /** Starts the ordered stage first, so it is reading when the first analysed article arrives. */
    public ProcessorStreams start() {
        ordered.start();
        analysis.start();
        return this;
    }

    /**
     * The state of the pair: {@code ERROR} (or on the way there) if either is, {@code RUNNING} when both are, else the
     * state of the one that is not running yet.
     */
    public KafkaStreams.State state() {
        KafkaStreams.State a = analysis.state();
        KafkaStreams.State o = ordered.state();
        for (KafkaStreams.State bad : List.of(KafkaStreams.State.ERROR, KafkaStreams.State.PENDING_ERROR,
                KafkaStreams.State.NOT_RUNNING, KafkaStreams.State.PENDING_SHUTDOWN)) {
            if (a == bad || o == bad) {
                return bad;
            }
        }
        return a != KafkaStreams.State.RUNNING ? a : o;
    }

    /** Both applications, analysis first. */
    public List<KafkaStreams> applications() {
        return List.of(analysis, ordered);
    }

    /** Stops both; each gets up to {@code timeout}. */
    public void close(Duration timeout) {
        try {
            analysis.close(timeout);
        } finally {
            ordered.close(timeout);
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}
