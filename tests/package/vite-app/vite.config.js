// Two pages: the API used from a bundle (index.html) and the bundled embed (embed.html).
export default {
  logLevel: 'warn',
  build: {
    rollupOptions: { input: { main: 'index.html', embed: 'embed.html' } },
  },
};
