# syntax=docker/dockerfile:1

FROM eclipse-temurin:17-jdk AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends unzip \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -DskipTests package -pl app -am

FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl fonts-wqy-microhei \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system amity \
 && useradd --system --gid amity --home-dir /var/lib/amity --shell /usr/sbin/nologin amity \
 && mkdir -p /opt/amity /var/lib/amity/streams \
 && chown -R amity:amity /var/lib/amity
COPY --from=build /src/app/target/amity.jar /opt/amity/amity.jar
USER amity
WORKDIR /var/lib/amity
EXPOSE 8070 8071 8080 8090
ENTRYPOINT ["java", "-jar", "/opt/amity/amity.jar"]
CMD ["--help"]
