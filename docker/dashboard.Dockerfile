# syntax=docker/dockerfile:1
# SIAP-PD dashboard (SvelteKit, adapter-node) for docker-compose service `dashboard`.
# Build context: the repository root; docker/dashboard.Dockerfile.dockerignore keeps node_modules, data and .env out.
ARG NODE_IMAGE=node:22-bookworm-slim

# ---- build: install the workspace (with dev dependencies) and run vite build ----
FROM ${NODE_IMAGE} AS build
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false
WORKDIR /app
# All workspace manifests are needed for `npm ci` to match the lockfile. The whole tree is installed because
# dashboard/vite.config.ts uses root dev dependencies (vitest); --ignore-scripts skips Directus's native
# builds, which the dashboard never loads.
COPY package.json package-lock.json ./
COPY core/package.json core/
COPY dashboard/package.json dashboard/
COPY directus-extensions/package.json directus-extensions/
RUN npm ci --ignore-scripts && rm -f node_modules/.bin/node
COPY tsconfig.json ./
COPY core core
COPY dashboard dashboard
RUN npm run build --workspace dashboard

# ---- deps: production dependencies of the dashboard (and @siap-pd/core) only, without Directus ----
FROM ${NODE_IMAGE} AS deps
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false
WORKDIR /app
COPY package.json package-lock.json ./
COPY core/package.json core/
COPY dashboard/package.json dashboard/
COPY directus-extensions/package.json directus-extensions/
RUN npm ci --omit=dev --ignore-scripts --workspace dashboard && rm -f node_modules/.bin/node

# ---- runtime ----
FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
# node_modules links @siap-pd/core to ./core, whose TypeScript source Node 22 runs by type stripping
# (in case the server bundle imports it rather than inlining it).
COPY --from=deps /app/package.json ./
COPY --from=deps /app/node_modules node_modules
COPY --from=deps /app/core core
COPY core/src core/src
COPY --from=deps /app/dashboard dashboard
COPY --from=build /app/dashboard/build dashboard/build
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/',{redirect:'manual'}).then((r)=>process.exit(r.status<500?0:1),()=>process.exit(1))"]
CMD ["node", "dashboard/build/index.js"]
