# syntax=docker/dockerfile:1
# The web console: its Vite build served by nginx (unprivileged, port 8080), which forwards /graphql (HTTP and the
# graphql-ws WebSocket) to the gateway, so the browser talks to one origin and needs no CORS. Build from the
# repository root:
#   docker build -f deploy/docker/console.Dockerfile -t ser/console:0.1.0 .

# -- build: the console's workspace only (React, Apollo Client, Vite); Vite is a dev dependency, needed here only.
FROM node:20.20.2-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
COPY services/console/package.json services/console/
RUN npm install --workspace services/console --include-workspace-root=false --no-audit --no-fund --ignore-scripts
COPY tsconfig.base.json ./
COPY services/console services/console
RUN cd services/console && npx vite build

# -- runtime: static files and the proxy; no Node, a numeric non-root user.
FROM nginxinc/nginx-unprivileged:1.27.5-alpine AS runtime
# Where /graphql goes: the chart sets the gateway Service (http://<release>-gateway:4000).
ENV SER_GATEWAY_UPSTREAM=http://ser-gateway:4000
COPY deploy/docker/console-nginx.conf.template /etc/nginx/templates/default.conf.template
COPY --from=build /src/services/console/dist /usr/share/nginx/html
USER 101:101
EXPOSE 8080
# Docker/Podman only; Kubernetes uses the chart's probes.
HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/healthz"]
