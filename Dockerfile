# syntax=docker/dockerfile:1
# The portal as an image: built with Maven on Temurin 17, run on Temurin's JRE 17 as an
# unprivileged user, from Spring Boot's layers (dependencies change less often than the portal's
# own classes, so a rebuild ships only the last layer). docker-compose.yml runs two of them
# behind nginx; docs/architecture.md ("Running more than one instance") says why that is safe.
#
#   docker build -t citybridge .
#
# Optional, a class-data-sharing archive (a faster start): a training run starts the portal once
# during the build and exits when its context is refreshed. Its beans read reference data at
# start-up, so it needs a PostgreSQL it can reach (it creates and migrates that database):
#   docker build --network=host --build-arg CDS_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/citybridge_cds -t citybridge .

# ---- build -------------------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# The dependencies first, in a layer of their own: changed only with pom.xml.
COPY pom.xml .
RUN --mount=type=cache,target=/root/.m2 mvn -B -q dependency:go-offline
COPY src ./src
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -Dmaven.test.skip=true package \
 && cp target/citybridge-*.jar /citybridge.jar

# ---- layers ------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre AS layers
WORKDIR /layers
COPY --from=build /citybridge.jar citybridge.jar
# Spring Boot 4's tools jar mode: one folder per layer (dependencies, spring-boot-loader,
# snapshot-dependencies, application), the launcher included.
RUN java -Djarmode=tools -jar citybridge.jar extract --layers --launcher --destination extracted

# ---- run ---------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre
ARG CDS_DATASOURCE_URL=
RUN groupadd --system citybridge && useradd --system --gid citybridge --home-dir /app --shell /usr/sbin/nologin citybridge
WORKDIR /app
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
# The optional training run (see the top): the archive of every class the start-up loaded.
RUN if [ -n "$CDS_DATASOURCE_URL" ]; then \
      java -XX:ArchiveClassesAtExit=/app/citybridge.jsa -Dspring.context.exit=onRefresh \
        -Dspring.datasource.url="$CDS_DATASOURCE_URL" -Dcitybridge.public-url=http://localhost:8080 \
        org.springframework.boot.loader.launch.JarLauncher || exit 1; \
    fi \
 && mkdir -p /app/tmp && chown citybridge:citybridge /app/tmp
USER citybridge
ENV SERVER_PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Djava.io.tmpdir=/app/tmp" \
    CITYBRIDGE_DEMO_ENABLED=false
EXPOSE 8080
# /actuator/health is public and answers 200 while the database is reachable, 503 when not; asked
# through bash's /dev/tcp, since the image has no curl.
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT} && printf 'GET /actuator/health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["sh", "-c", "if [ -f /app/citybridge.jsa ]; then exec java -XX:SharedArchiveFile=/app/citybridge.jsa -Xshare:auto org.springframework.boot.loader.launch.JarLauncher \"$@\"; else exec java org.springframework.boot.loader.launch.JarLauncher \"$@\"; fi", "--"]
