# syntax=docker/dockerfile:1
# One-shot setup job (docker-compose service `setup`): runs scripts/setup.ts against the running Directus
# (schema diff without deletions, roles/policies/permissions, settings, reference seed).
# Build context: the repository root; docker/setup.Dockerfile.dockerignore keeps node_modules, data and .env out.
ARG NODE_IMAGE=node:22-bookworm-slim
FROM ${NODE_IMAGE}

ENV NODE_ENV=production \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

WORKDIR /app
RUN chown node:node /app
USER node

# Dependencies first (cached while the lockfile is unchanged). Dev dependencies are kept: the setup scripts
# run from TypeScript source and may use them. --ignore-scripts: nothing here runs Directus itself, so the
# native modules of the `directus` package (isolated-vm, sqlite3) need no build, and the `node` package's
# binary is not needed (the image's Node 22 runs the scripts with type stripping).
COPY --chown=node:node package.json package-lock.json ./
COPY --chown=node:node core/package.json core/
COPY --chown=node:node dashboard/package.json dashboard/
COPY --chown=node:node directus-extensions/package.json directus-extensions/
RUN npm ci --ignore-scripts && rm -f node_modules/.bin/node

COPY --chown=node:node . .

CMD ["node", "scripts/setup.ts", "--url", "http://proxy:8055"]
