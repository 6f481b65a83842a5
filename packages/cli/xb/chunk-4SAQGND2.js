// ../core/dist/commands/database-configured.js
function databaseConfigured(config, loaded, options) {
  return options.dialect !== void 0 || loaded.envPath !== void 0 || config.url !== void 0 || options.xArgs?.["url"] !== void 0 || config.databaseNames.length > 0;
}

export {
  databaseConfigured
};
