# syntax=docker/dockerfile:1
# One image for every service of the graph: the six subgraphs and the gateway differ only by their
# command (see docker-compose.yml), e.g.
#   node subgraphs/court/dist/src/main.js --migrate --seed
#   node gateway/dist/src/main.js
ARG NODE_IMAGE=node:20-slim

# ---- manifests: package.json files and the lock file only, so that the dependency layers below are
#      rebuilt when dependencies change, not on every source edit (Docker caches COPY by content).
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir -p /manifests \
 && find . -name node_modules -prune -o -name dist -prune -o -name package.json -print \
      | xargs cp --parents -t /manifests \
 && cp package-lock.json /manifests/

# ---- build: every dependency (SWC among them), then every workspace compiled to its dist/.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY --from=manifests /manifests/ ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN node scripts/build.mjs \
 && mkdir -p /out \
 && find gateway packages subgraphs -name node_modules -prune -o -type d -name dist -prune -print \
      | xargs cp -r --parents -t /out

# ---- runtime: production dependencies of the services only (not the development tools, the
#      embedded PostgreSQL or the region data), the compiled output and the composed supergraph.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    SUPERGRAPH_PATH=/app/schema/supergraph.graphql
WORKDIR /app
COPY --from=manifests /manifests/ ./
RUN npm ci --omit=dev --no-audit --no-fund \
      --workspace=gateway \
      --workspace=subgraphs/governance --workspace=subgraphs/justice --workspace=subgraphs/court \
      --workspace=subgraphs/police --workspace=subgraphs/procuratorate --workspace=subgraphs/petition \
 && npm cache clean --force
COPY --from=build /out/ ./
COPY schema/supergraph.graphql schema/supergraph.graphql
# a named volume mounted here starts with this ownership, so the `keys` service can write it
RUN mkdir -p /keys && chown node:node /keys
USER node
EXPOSE 4000 4101 4102 4103 4104 4105 4106
CMD ["node", "gateway/dist/src/main.js"]
