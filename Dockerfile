# The builder and static server image of docker-compose.yml: the repository, its locked
# dependencies and the built app. No secret enters it: credentials come from the environment at
# run time (.dockerignore keeps .env out of the build context).
FROM node:20.20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:web && chown -R node:node /app
USER node
CMD ["npm", "start"]
