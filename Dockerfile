# newswatch image: one image, one service per container (ingest, process, alerts) or all in one (run).
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY model model
COPY ingest ingest
COPY processor processor
COPY alerts alerts
COPY app app
COPY tools tools
RUN ./mvnw -q -B -Ppackage-only -pl app -am package

FROM eclipse-temurin:21-jre
RUN useradd --system --home /var/lib/newswatch newswatch && mkdir -p /var/lib/newswatch && chown newswatch /var/lib/newswatch
WORKDIR /var/lib/newswatch
COPY --from=build /src/app/target/newswatch.jar /opt/newswatch/newswatch.jar
COPY --from=build /src/app/target/lib /opt/newswatch/lib
USER newswatch
ENV NEWSWATCH_ALERTS_HTTP_HOST=0.0.0.0 NEWSWATCH_OPS_HOST=0.0.0.0
# Liveness of whichever service runs here (alerts.http.port, else ops.port). Live, not ready: a Kafka outage makes
# every service unready, and an orchestrator that restarts unhealthy containers must not restart them all for it.
# Compose files ask for readiness instead (their depends_on waits for it).
HEALTHCHECK --interval=15s --timeout=10s --start-period=120s --retries=4 \
  CMD ["java", "-XX:TieredStopAtLevel=1", "-Xmx64m", "-jar", "/opt/newswatch/newswatch.jar", "health", "--probe", "live"]
# SIGTERM (docker stop) closes Streams and flushes producers; give containers the grace period of docker-compose.yml.
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector", "-jar", "/opt/newswatch/newswatch.jar"]
CMD ["--help"]
