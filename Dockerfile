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
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "-jar", "/opt/newswatch/newswatch.jar"]
CMD ["--help"]
