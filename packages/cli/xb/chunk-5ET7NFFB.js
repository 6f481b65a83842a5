// dist/usage-error.js
var UsageError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "UsageError";
  }
};
var EXIT_OK = 0;
var EXIT_ERROR = 1;
var EXIT_USAGE = 2;

export {
  UsageError,
  EXIT_OK,
  EXIT_ERROR,
  EXIT_USAGE
};
