// Jest-only stand-in: @fastify/static (CommonJS) requires content-disposition 2+, which is
// ESM-only, and Jest's runtime on Node 20 cannot require ESM. Only file downloads use it.
module.exports = {
  create: (filename) => `attachment; filename="${String(filename ?? '').replace(/["\\\r\n]/g, '_')}"`,
};
