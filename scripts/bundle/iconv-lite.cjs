// Stands in for iconv-lite in the bundle: raw-body only needs a decoder, and Node's own TextDecoder (ICU) knows the
// encodings, so the package ships without iconv-lite's half a megabyte of tables. Same failure message as iconv-lite,
// which raw-body turns into a 415.
function getDecoder(encoding) {
  let decoder;
  try {
    decoder = new TextDecoder(encoding);
  } catch {
    throw new Error(`Encoding not recognized: '${encoding}' (searched as: '${encoding}')`);
  }
  return { write: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() || undefined };
}

function encodingExists(encoding) {
  try {
    new TextDecoder(encoding);
    return true;
  } catch {
    return false;
  }
}

module.exports = { getDecoder, encodingExists };
