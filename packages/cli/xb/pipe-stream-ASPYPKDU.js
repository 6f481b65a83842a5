import "./chunk-QGM4M3NI.js";

// dist/pipe-stream.js
function pipeStream(stream) {
  let closed = false;
  stream.on("error", (error) => {
    if (error.code !== "EPIPE")
      throw error;
    closed = true;
  });
  return {
    write: (text) => closed ? false : stream.write(text),
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    }
  };
}
export {
  pipeStream
};
