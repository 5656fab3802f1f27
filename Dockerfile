# syntax=docker/dockerfile:1
# Mitwirken as a container: `docker build -t mitwirken .`, then run it with the production settings of
# docs/deploy.md (MicrosoftAppId, MicrosoftAppPassword, ANSWER_SECRET, AZURE_STORAGE_CONNECTION_STRING, …).
# scripts/check-production-install.ts runs the same commands without Docker, and CI runs it;
# test/dockerfile.spec.ts keeps this file and that script in step.

# Build: every dependency (TypeScript among them), then the build into dist/.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY host host
COPY bot bot
COPY app app
COPY cards cards
COPY core core
COPY dialogs dialogs
COPY manifest manifest
COPY storage storage
RUN npm run build

# Runtime: only the production dependencies and the compiled bot (its card templates and manifest JSON are in dist/).
FROM node:24-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# the bot's settings, memory ones as docs/operations.md recommends (set after the install: npm runs without the bot's heap limit)
ENV NODE_ENV=production \
    PORT=3978 \
    NODE_OPTIONS=--max-old-space-size=256 \
    MALLOC_ARENA_MAX=2
# campaign files shipped with the image (CAMPAIGNS_DIR defaults to ./campaigns); a mounted folder works as well:
# COPY campaigns ./campaigns
USER node
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/host/main.js"]
