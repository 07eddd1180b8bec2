// Two pages: the API used from a bundle (index.html) and the bundled embed (embed.html).
import { fileURLToPath } from 'node:url';

const page = (name) => fileURLToPath(new URL(name, import.meta.url));

export default {
  logLevel: 'warn',
  build: {
    rollupOptions: { input: { main: page('index.html'), embed: page('embed.html') } },
  },
};
