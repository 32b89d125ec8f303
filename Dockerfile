# The local stack in a container: the real handlers and authorizer behind the local gateway, with
# DynamoDB Local (Java) and cognito-local inside. Same as `npm start`, without Node or Java on the host.
#   docker build -t sme-iam .
#   docker run -p 3000:3000 -v sme-iam-data:/app/.local sme-iam
FROM node:20-bookworm-slim

LABEL org.opencontainers.image.title="sme-iam-local" \
      org.opencontainers.image.description="SME IAM local stack: API, DynamoDB Local and cognito-local"

# DynamoDB Local needs Java 17+; headless is enough.
RUN apt-get update \
    && apt-get install -y --no-install-recommends openjdk-17-jre-headless \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Dependencies first, so a code change does not reinstall them. The local stack runs TypeScript
# through tsx and ships the emulators as dev dependencies, so all of them are installed.
COPY --chown=node:node package.json package-lock.json ./
RUN npm ci --no-audit --no-fund && npm cache clean --force

COPY --chown=node:node . .
RUN mkdir -p /app/.local && chown -R node:node /app/.local

USER node

# The gateway listens on every interface of the container so the host can reach it; the emulators
# stay on 127.0.0.1 inside it. Data (table, users, admin password) lives in the volume.
ENV HOST=0.0.0.0 \
    PORT=3000 \
    IAM_LOCAL_DATA_DIR=/app/.local
VOLUME ["/app/.local"]
EXPOSE 3000

# Six tries 20 s apart cover the first start (the emulators and the table take up to a minute or two).
HEALTHCHECK --interval=20s --timeout=5s --retries=6 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

CMD ["node", "--import", "tsx", "infrastructure/local/start.ts"]
