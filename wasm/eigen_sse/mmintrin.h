/* Emscripten 3.1.6 has no MMX header, which Eigen's SSE path includes; nothing there is used. */
