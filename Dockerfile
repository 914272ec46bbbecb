# syntax=docker/dockerfile:1.7
# Contacts: the API (which also serves the built SPA on :8000) and, as target `web`,
# nginx serving the SPA on :5173 in front of the API replicas. See docker-compose.yml.
#   docker build --target api -t contacts-api .
#   docker build --target web -t contacts-web .
# Pin NODE_IMAGE / NGINX_IMAGE by digest (name:tag@sha256:…) for fully reproducible builds.
ARG NODE_IMAGE=node:24.11.1-bookworm-slim
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:1.28.0-alpine

# ---- toolchain: better-sqlite3 is native (prebuilt binary, else node-gyp needs these) ----
FROM ${NODE_IMAGE} AS toolchain
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# Only the manifests: the dependency layers stay cached until they change.
COPY package.json package-lock.json ./
COPY libs/wire-types/package.json libs/wire-types/

# ---- build: every dependency, then wire types + API + web (npm run build) ----
FROM toolchain AS build
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY tsconfig.base.json nest-cli.json ./
COPY libs libs
COPY apps apps
# build:web writes the .br/.gz copies of the built app with it.
COPY scripts/precompress-web.mjs scripts/
RUN npm run build

# ---- prod-deps: production dependencies only, native modules built for this image ----
FROM toolchain AS prod-deps
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund

# ---- api: slim runtime, no compiler, no dev dependencies, non-root ----
FROM ${NODE_IMAGE} AS api
ENV NODE_ENV=production \
    PORT=8000 \
    HOST=0.0.0.0 \
    SQLITE_PATH=/data/contacts.sqlite3 \
    WEB_DIST=/app/dist/web/browser
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=prod-deps /app/package.json ./package.json
COPY --from=build /app/libs/wire-types/package.json libs/wire-types/package.json
COPY --from=build /app/libs/wire-types/dist libs/wire-types/dist
COPY --from=build /app/dist/api dist/api
COPY --from=build /app/dist/web/browser dist/web/browser
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM reaches node directly: pending creates finish within SHUTDOWN_GRACE_MS.
CMD ["node", "dist/api/apps/api/src/main.js"]

# ---- web: nginx (non-root image) serving the SPA, proxying /api, /ws, /socket.io ----
FROM ${NGINX_IMAGE} AS web
COPY deploy/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/dist/web/browser /usr/share/nginx/html
USER 101
EXPOSE 5173
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
  CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:5173/healthz"]
