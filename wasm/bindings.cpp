// Module.Session and Module.version() for JavaScript: conversions between JS
// values and the core's types around session.hpp, nothing more.
//
// Errors: a method that fails returns a JS Error object instead of its result,
// and post.js throws it. (A JS throw from inside wasm would skip the C++
// destructors of the frames it passes through, leaking their memory.)
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <sstream>
#include <string>

#include "session.hpp"
#include "settings_js.hpp"

using emscripten::typed_memory_view;
using emscripten::val;
using namespace digitnet;
using digitnet::wasm::Session;

namespace {

// f(), or the Error its C++ exception describes (see the top of the file).
template <class F>
val guarded(F&& f) {
    try {
        return f();
    } catch (const SettingError& e) {  // the Error says which setting: error.setting
        val error = val::global("Error").new_(std::string(e.what()));
        error.set("setting", e.key);
        return error;
    } catch (const std::exception& e) {
        return val::global("Error").new_(std::string(e.what()));
    }
}

// Number of bytes in a Uint8Array (or Uint8ClampedArray, as in canvas ImageData).
size_t byte_count(const val& array, const char* what) {
    if (!array.instanceof(val::global("Uint8Array")) && !array.instanceof(val::global("Uint8ClampedArray")))
        throw Error(std::string(what) + " must be a Uint8Array");
    return array["length"].as<size_t>();
}

// A JS typed array's contents copied into n elements of wasm memory at dst.
template <class T>
void copy_from_js(const val& array, T* dst, size_t n) {
    val(typed_memory_view(n, dst)).call<void>("set", array);
}

std::string bytes_from_js(const val& array, const char* what) {
    std::string bytes(byte_count(array, what), '\0');
    copy_from_js(array, reinterpret_cast<uint8_t*>(bytes.data()), bytes.size());
    return bytes;
}

// A new JS typed array (Uint8Array, Int32Array, Float32Array) holding a copy of n elements.
template <class T>
val copy_to_js(const char* type, const T* data, size_t n) {
    return val::global(type).new_(typed_memory_view(n, data));
}

val uint8_to_js(const std::string& bytes) {
    return copy_to_js("Uint8Array", reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

// A JS number that must count or index something: a whole number in [0, end).
size_t whole_arg(double x, double end, const std::string& what) {
    if (!(x >= 0 && x < end) || std::floor(x) != x) {
        std::ostringstream msg;
        msg.precision(12);
        msg << what << " must be a whole number from 0 to " << end - 1 << ", not " << x;
        throw Error(msg.str());
    }
    return static_cast<size_t>(x);
}

val train(Session& s, double batches) {
    const wasm::TrainStatus t = s.train(static_cast<long>(whole_arg(batches, 2147483648.0, "the number of batches")));
    val o = val::object();
    o.set("batches", static_cast<double>(t.progress.batches));
    o.set("samples", static_cast<double>(t.progress.samples));
    o.set("epoch", t.progress.epoch);
    o.set("epochs", t.progress.epochs);
    o.set("loss", t.progress.loss);
    o.set("accuracy", t.progress.accuracy);
    o.set("learningRate", t.progress.learning_rate);
    o.set("totalBatches", static_cast<double>(t.total_batches));
    o.set("done", t.done);
    return o;
}

val evaluate_held_out(const Session& s) {
    const Evaluation e = s.evaluate_held_out();
    int confusion[100];
    for (int t = 0; t < 10; ++t)
        for (int p = 0; p < 10; ++p) confusion[10 * t + p] = e.confusion[t][p];
    val o = val::object();
    o.set("accuracy", e.accuracy);
    o.set("loss", e.loss);
    o.set("confusion", copy_to_js("Int32Array", confusion, 100));
    o.set("predicted", copy_to_js("Uint8Array", e.predicted.data(), e.predicted.size()));
    return o;
}

size_t held_out_index(const Session& s, double i) {
    const double n = static_cast<double>(s.held_out().size());
    return whole_arg(i, n, "the held-out index (of " + std::to_string(s.held_out().size()) + " digits)");
}

val predict_drawing(Session& s, const val& rgba, int width, int height) {
    std::vector<uint8_t> pixels(byte_count(rgba, "the drawing"));
    if (width > 0 && height > 0 && pixels.size() != 4 * static_cast<size_t>(width) * static_cast<size_t>(height))
        throw Error("a " + std::to_string(width) + "x" + std::to_string(height) + " drawing needs " +
                    std::to_string(4 * static_cast<size_t>(width) * static_cast<size_t>(height)) +
                    " RGBA bytes, got " + std::to_string(pixels.size()));
    copy_from_js(rgba, pixels.data(), pixels.size());
    std::vector<uint8_t> image;
    const std::vector<float> p = s.predict_drawing(pixels.data(), width, height, image);
    val o = val::object();
    o.set("probabilities", copy_to_js("Float32Array", p.data(), p.size()));
    o.set("image", copy_to_js("Uint8Array", image.data(), image.size()));
    return o;
}

val predict_image(Session& s, const val& image) {
    const size_t expected = static_cast<size_t>(s.network().spec().inputs());
    const std::string bytes = bytes_from_js(image, "the image");
    if (bytes.size() != expected)
        throw Error("expected an image of " + std::to_string(expected) + " pixels, got " + std::to_string(bytes.size()));
    const std::vector<float> p = s.predict_image(reinterpret_cast<const uint8_t*>(bytes.data()));
    return copy_to_js("Float32Array", p.data(), p.size());
}

// [{channels, height, width, values: Float32Array}] per layer, for the last digit predicted.
val layer_outputs(const Session& s) {
    const std::vector<Matrix>& A = s.layer_outputs();
    val layers = val::array();
    for (size_t l = 0; l < A.size(); ++l) {
        const Shape shape = s.network().out_shape(static_cast<int>(l));
        val o = val::object();
        o.set("channels", shape.channels);
        o.set("height", shape.height);
        o.set("width", shape.width);
        o.set("values", copy_to_js("Float32Array", A[l].data(), static_cast<size_t>(A[l].size())));
        layers.call<void>("push", o);
    }
    return layers;
}

val set_weights(Session& s, const val& weights) {
    std::vector<float>& params = s.network().params();
    if (!weights.instanceof(val::global("Float32Array"))) throw Error("the weights must be a Float32Array");
    const size_t n = weights["length"].as<size_t>();
    if (n != params.size())
        throw Error("expected " + std::to_string(params.size()) + " weights, got " + std::to_string(n));
    copy_from_js(weights, params.data(), n);
    return val::undefined();
}

}  // namespace

EMSCRIPTEN_BINDINGS(digitnet) {
    emscripten::function("version", +[] { return std::string(DIGITNET_VERSION); });
    emscripten::function("vocabulary", +[] { return wasm::vocabulary_to_js(); });
    // The settings checked without building anything: every field's problem at once.
    emscripten::function("checkSettings", +[](const val& settings) {
        try {
            return wasm::settings_report_to_js(check_settings(default_recipe(), wasm::settings_from_js(settings)));
        } catch (const SettingError& e) {
            SettingsReport report;
            report.errors.emplace(e.key, e.what());
            return wasm::settings_report_to_js(report);
        }
    });

    // Every method returns val so that a failure can come back as an Error (see the top of the file).
    emscripten::class_<Session>("Session")
        .constructor<>()
        .function("setTrainingData", +[](Session& s, const val& images, const val& labels) {
            return guarded([&] {
                s.set_training_data(bytes_from_js(images, "the images"), bytes_from_js(labels, "the labels"));
                return val::undefined();
            });
        })
        .function("setHeldOutData", +[](Session& s, const val& images, const val& labels) {
            return guarded([&] {
                s.set_held_out_data(bytes_from_js(images, "the images"), bytes_from_js(labels, "the labels"));
                return val::undefined();
            });
        })
        .function("configure", +[](Session& s, const val& settings) {
            return guarded([&] {
                s.configure(wasm::settings_from_js(settings));
                return val::undefined();
            });
        })
        .function("settings", +[](Session& s) { return guarded([&] { return wasm::recipe_to_js(s.recipe()); }); })
        .function("train", +[](Session& s, double batches) { return guarded([&] { return train(s, batches); }); })
        .function("evaluateHeldOut", +[](Session& s) { return guarded([&] { return evaluate_held_out(s); }); })
        .function("heldOutCount", +[](Session& s) { return val(static_cast<double>(s.held_out().size())); })
        .function("heldOutImage", +[](Session& s, double i) {
            return guarded([&] {
                const Dataset& d = s.held_out();
                return copy_to_js("Uint8Array", d.image(held_out_index(s, i)), static_cast<size_t>(d.pixels()));
            });
        })
        .function("heldOutLabel", +[](Session& s, double i) {
            return guarded([&] { return val(static_cast<int>(s.held_out().labels[held_out_index(s, i)])); });
        })
        .function("predictDrawing", +[](Session& s, const val& rgba, int width, int height) {
            return guarded([&] { return predict_drawing(s, rgba, width, height); });
        })
        .function("predictImage", +[](Session& s, const val& image) {
            return guarded([&] { return predict_image(s, image); });
        })
        .function("layerOutputs", +[](Session& s) { return guarded([&] { return layer_outputs(s); }); })
        .function("saveModel", +[](Session& s) { return guarded([&] { return uint8_to_js(s.save_model()); }); })
        .function("loadModel", +[](Session& s, const val& bytes) {
            return guarded([&] {
                s.load_model(bytes_from_js(bytes, "the model"));
                return val::undefined();
            });
        })
        .function("getWeights", +[](Session& s) {
            return guarded([&] {
                const std::vector<float>& p = s.network().params();
                return copy_to_js("Float32Array", p.data(), p.size());
            });
        })
        .function("setWeights", +[](Session& s, const val& weights) {
            return guarded([&] { return set_weights(s, weights); });
        })
        .function("describe", +[](Session& s) {
            return guarded([&] { return val(s.network().spec().describe()); });
        })
        .function("architecture", +[](Session& s) {
            return guarded([&] { return wasm::architecture_to_js(s.network().spec()); });
        });
}
