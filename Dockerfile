# The platform's server, stateless: the same image runs as several replicas behind a load
# balancer in Zeebe mode (docker-compose.yml). Node 20 as on the development machines.
FROM node:20-bookworm-slim AS build
WORKDIR /app
# sqlite3 and better-sqlite3 compile with node-gyp when no prebuilt binary fits.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY engine ./engine
COPY modules ./modules
COPY processes ./processes
COPY designer ./designer
COPY tsconfig.json ./
# The designer is built here; its toolchain and libraries (devDependencies) stay behind.
RUN npm run build:designer && rm -rf designer/src && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app /app
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--import", "tsx", "modules/server/main.ts"]
