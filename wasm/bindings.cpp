// Module.Session and Module.version() for JavaScript: conversions between JS
// values and the core's types around session.hpp, nothing more.
//
// Errors: a method that fails returns a JS Error object instead of its result,
// and post.js throws it. (A JS throw from inside wasm would skip the C++
// destructors of the frames it passes through, leaking their memory.)
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>

#include "digitnet/failure.hpp"
#include "digitnet/idx.hpp"
#include "digitnet/layers/kind.hpp"
#include "digitnet/polarity.hpp"
#include "digitnet/preprocess.hpp"
#include "session.hpp"
#include "settings_js.hpp"

using emscripten::typed_memory_view;
using emscripten::val;
using namespace digitnet;
using digitnet::wasm::Session;

namespace {

// Arrays are measured before anything is allocated for them: a byte array may
// be at most this large, an IDX file no larger than its header announces.
constexpr size_t kMaxArrayBytes = size_t{256} << 20;
constexpr size_t kMaxModelBytes = size_t{64} << 20;

// f(), or the Error its C++ exception describes (see the top of the file), in
// words for people (message_for) whatever the exception.
template <class F>
val guarded(F&& f) {
    try {
        return f();
    } catch (const SettingError& e) {  // the Error says which setting: error.setting
        val error = val::global("Error").new_(std::string(e.what()));
        error.set("setting", e.key);
        return error;
    } catch (const std::exception& e) {
        return val::global("Error").new_(message_for(e));
    }
}

// A real typed array's type name and length, read with %TypedArray%.prototype's
// own getters: an object whose `length` or prototype lies cannot fool them, and
// they never throw (a JS throw here would skip C++ destructors). type is "" for
// anything that is not a typed array.
struct TypedArray {
    std::string type;
    size_t length = 0;
};

TypedArray typed_array(const val& x) {
    static const val getters = [] {
        const val object = val::global("Object");
        const val proto = object.call<val>("getPrototypeOf", val::global("Uint8Array")["prototype"]);
        val g = val::object();
        g.set("tag", object.call<val>("getOwnPropertyDescriptor", proto, val::global("Symbol")["toStringTag"])["get"]);
        g.set("length", object.call<val>("getOwnPropertyDescriptor", proto, val("length"))["get"]);
        return g;
    }();
    const val tag = getters["tag"].call<val>("call", x);
    if (!tag.isString()) return {};
    return {tag.as<std::string>(), getters["length"].call<val>("call", x).as<size_t>()};
}

// Number of bytes in a Uint8Array (or Uint8ClampedArray, as in canvas ImageData), at most max_bytes.
size_t byte_count(const val& array, const char* what, size_t max_bytes = kMaxArrayBytes) {
    const TypedArray a = typed_array(array);
    if (a.type != "Uint8Array" && a.type != "Uint8ClampedArray") throw Error(std::string(what) + " must be a Uint8Array");
    if (a.length > max_bytes)
        throw Error(std::string(what) + " has " + std::to_string(a.length) + " bytes, more than the " +
                    std::to_string(max_bytes) + " digitnet takes");
    return a.length;
}

// A JS typed array's contents copied into n elements of wasm memory at dst.
template <class T>
void copy_from_js(const val& array, T* dst, size_t n) {
    val(typed_memory_view(n, dst)).call<void>("set", array);
}

std::string bytes_from_js(const val& array, const char* what, size_t max_bytes = kMaxArrayBytes) {
    std::string bytes(byte_count(array, what, max_bytes), '\0');
    copy_from_js(array, reinterpret_cast<uint8_t*>(bytes.data()), bytes.size());
    return bytes;
}

// An IDX file's bytes, refused before they are copied when the array holds
// more than its header announces. A header that is no IDX header is handed on
// alone, for read_idx to say what is wrong with it.
std::string idx_from_js(const val& array, const std::string& what) {
    const size_t n = byte_count(array, what.c_str());
    std::string header;
    for (size_t i = 0; i < std::min<size_t>(n, 16); ++i) header.push_back(static_cast<char>(array[i].as<int>()));
    const uint64_t announced = idx_file_size(header);
    if (announced == 0) return header;
    if (n > announced)
        throw Error(what + " hold " + std::to_string(n) + " bytes, more than the " + std::to_string(announced) +
                    " bytes their IDX header announces");
    return bytes_from_js(array, what.c_str());
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
size_t whole_arg(const val& x, double end, const std::string& what) {
    const double v = x.isNumber() ? x.as<double>() : -1.0;
    if (!(v >= 0 && v < end) || std::floor(v) != v) {
        std::ostringstream msg;
        msg.precision(12);
        msg << what << " must be a whole number from 0 to " << end - 1 << ", not ";
        const std::string type = x.typeOf().as<std::string>();
        if (x.isNumber()) msg << v;
        else msg << (type == "object" || type == "undefined" ? "an " : "a ") << type;
        throw Error(msg.str());
    }
    return static_cast<size_t>(v);
}

val train(Session& s, const val& batches) {
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

size_t held_out_index(const Session& s, const val& i) {
    const double n = static_cast<double>(s.held_out().size());
    return whole_arg(i, n, "the held-out index (of " + std::to_string(s.held_out().size()) + " digits)");
}

// Canvas ImageData's pixels (w x h RGBA) copied in, after their size is checked.
struct RgbaArg {
    int w = 0, h = 0;
    std::vector<uint8_t> pixels;
};

RgbaArg rgba_arg(const val& rgba, const val& width, const val& height) {
    const size_t bytes = byte_count(rgba, "the drawing");
    const double end = kDrawingMaxSide + 1.0;
    RgbaArg a;
    a.w = static_cast<int>(whole_arg(width, end, "the drawing's width"));
    a.h = static_cast<int>(whole_arg(height, end, "the drawing's height"));
    check_image_size(a.w, a.h, "drawing");
    const size_t expected = 4 * static_cast<size_t>(a.w) * static_cast<size_t>(a.h);
    if (bytes != expected)
        throw Error("a " + std::to_string(a.w) + "x" + std::to_string(a.h) + " drawing needs " + std::to_string(expected) +
                    " RGBA bytes, got " + std::to_string(bytes));
    a.pixels.resize(bytes);
    copy_from_js(rgba, a.pixels.data(), a.pixels.size());
    return a;
}

val predict_drawing(Session& s, const val& rgba, const val& width, const val& height) {
    const RgbaArg a = rgba_arg(rgba, width, height);
    std::vector<uint8_t> image;
    const std::vector<float> p = s.predict_drawing(a.pixels.data(), a.w, a.h, image);
    val o = val::object();
    o.set("probabilities", copy_to_js("Float32Array", p.data(), p.size()));
    o.set("image", copy_to_js("Uint8Array", image.data(), image.size()));
    return o;
}

// An image of either polarity read by the core's rule (polarity.hpp):
// {gray: Uint8Array(w*h), dark ink on white; lightInk; reading: the words for it}.
val read_image_ink(const val& rgba, const val& width, const val& height, const val& ink) {
    if (!ink.isString()) throw Error("the ink must be \"dark\", \"light\" or \"auto\"");
    const Ink rule = parse_ink(ink.as<std::string>());
    const RgbaArg a = rgba_arg(rgba, width, height);
    const InkReading r = read_ink(a.pixels.data(), a.w, a.h, rule);
    val o = val::object();
    o.set("gray", copy_to_js("Uint8Array", r.gray.data(), r.gray.size()));
    o.set("lightInk", r.light_ink);
    o.set("reading", describe_ink(r.light_ink));
    return o;
}

val predict_image(Session& s, const val& image) {
    const size_t expected = static_cast<size_t>(s.network().spec().inputs());
    const size_t n = byte_count(image, "the image");
    if (n != expected) throw Error("expected an image of " + std::to_string(expected) + " pixels, got " + std::to_string(n));
    const std::string bytes = bytes_from_js(image, "the image");
    const std::vector<float> p = s.predict_image(reinterpret_cast<const uint8_t*>(bytes.data()));
    return copy_to_js("Float32Array", p.data(), p.size());
}

// {digit, runnerUp, map: Float32Array (one value per input)} for the last digit predicted (explain.hpp).
val explain_last_digit(const Session& s) {
    const Explanation e = s.explain_last_digit();
    val o = val::object();
    o.set("digit", e.digit);
    o.set("runnerUp", e.runner_up);
    o.set("map", copy_to_js("Float32Array", e.map.data(), e.map.size()));
    return o;
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

val shape_to_js(Shape s) {
    val o = val::object();
    o.set("channels", s.channels);
    o.set("height", s.height);
    o.set("width", s.width);
    return o;
}

// What the network is, layer by layer, in the words of each layer's kind (wasm/README.md).
val architecture(const Network& net) {
    const NetworkSpec& spec = net.spec();
    val layers = val::array();
    for (int l = 0; l < net.layer_count(); ++l) {
        const LayerSpec& s = net.layer(l);
        const LayerKindParts& kind = layer_kind(s.kind);
        val o = val::object();
        o.set("kind", std::string(kind.name));
        o.set("item", s.item());
        o.set("name", std::string(kind.title));
        o.set("about", kind.about(s, net.in_shape(l)));
        o.set("weightsAbout", std::string(kind.weights_about));
        o.set("units", s.units);
        o.set("kernel", s.kernel);
        o.set("padding", std::string(s.padding == Padding::Same ? "same" : "valid"));
        o.set("rate", s.rate);
        o.set("activation", std::string(to_string(s.activation)));
        o.set("bias", s.bias);
        o.set("input", shape_to_js(net.in_shape(l)));
        o.set("output", shape_to_js(net.out_shape(l)));
        o.set("parameters", static_cast<double>(kind.parameters(s, net.in_shape(l))));
        o.set("fanIn", net.fan_in(l));
        layers.call<void>("push", o);
    }
    val a = val::object();
    a.set("input", shape_to_js(spec.input));
    a.set("inputScale", spec.input_scale);
    a.set("layersText", format_layers({spec.layers.begin(), spec.layers.end() - 1}));
    a.set("parameters", static_cast<double>(spec.parameter_count()));
    a.set("layers", layers);
    return a;
}

// The weights are checked as loadModel checks a model file's, then replace the network's.
val set_weights(Session& s, const val& weights) {
    std::vector<float>& params = s.network().params();
    const TypedArray a = typed_array(weights);
    if (a.type != "Float32Array") throw Error("the weights must be a Float32Array");
    if (a.length != params.size())
        throw Error("expected " + std::to_string(params.size()) + " weights, got " + std::to_string(a.length));
    std::vector<float> next(a.length);
    copy_from_js(weights, next.data(), next.size());
    for (size_t i = 0; i < next.size(); ++i)
        if (!std::isfinite(next[i]))
            throw Error("weight " + std::to_string(i) + " is " + (std::isnan(next[i]) ? "NaN" : "infinite") +
                        ": the weights were not changed");
    params = std::move(next);
    return val::undefined();
}

}  // namespace

EMSCRIPTEN_BINDINGS(digitnet) {
    emscripten::function(
        "version", +[] { return std::string(DIGITNET_VERSION); });
    emscripten::function(
        "vocabulary", +[] { return wasm::vocabulary_to_js(); });
    // The settings checked without building anything: every field's problem at once.
    emscripten::function(
        "checkSettings", +[](const val& settings) {
            try {
                return wasm::settings_report_to_js(check_settings(default_recipe(), wasm::settings_from_js(settings)));
            } catch (const SettingError& e) {
                SettingsReport report;
                report.errors.emplace(e.key, e.what());
                return wasm::settings_report_to_js(report);
            }
        });

    emscripten::function(
        "readImageInk", +[](const val& rgba, const val& width, const val& height, const val& ink) {
            return guarded([&] { return read_image_ink(rgba, width, height, ink); });
        });

    // Every method returns val so that a failure can come back as an Error (see the top of the file).
    emscripten::class_<Session>("Session")
        .constructor<>()
        .function(
            "setTrainingData",
            +[](Session& s, const val& images, const val& labels) {
                return guarded([&] {
                    s.set_training_data(idx_from_js(images, "the images"), idx_from_js(labels, "the labels"));
                    return val::undefined();
                });
            })
        .function(
            "setHeldOutData",
            +[](Session& s, const val& images, const val& labels) {
                return guarded([&] {
                    s.set_held_out_data(idx_from_js(images, "the images"), idx_from_js(labels, "the labels"));
                    return val::undefined();
                });
            })
        .function(
            "configure",
            +[](Session& s, const val& settings) {
                return guarded([&] {
                    s.configure(wasm::settings_from_js(settings));
                    return val::undefined();
                });
            })
        .function(
            "settings", +[](Session& s) { return guarded([&] { return wasm::recipe_to_js(s.recipe()); }); })
        .function(
            "train", +[](Session& s, const val& batches) { return guarded([&] { return train(s, batches); }); })
        .function(
            "evaluateHeldOut", +[](Session& s) { return guarded([&] { return evaluate_held_out(s); }); })
        .function(
            "heldOutCount", +[](Session& s) { return val(static_cast<double>(s.held_out().size())); })
        .function(
            "heldOutImage",
            +[](Session& s, const val& i) {
                return guarded([&] {
                    const Dataset& d = s.held_out();
                    return copy_to_js("Uint8Array", d.image(held_out_index(s, i)), static_cast<size_t>(d.pixels()));
                });
            })
        .function(
            "heldOutLabel",
            +[](Session& s, const val& i) {
                return guarded([&] { return val(static_cast<int>(s.held_out().labels[held_out_index(s, i)])); });
            })
        .function(
            "predictDrawing",
            +[](Session& s, const val& rgba, const val& width, const val& height) {
                return guarded([&] { return predict_drawing(s, rgba, width, height); });
            })
        .function(
            "predictImage", +[](Session& s, const val& image) { return guarded([&] { return predict_image(s, image); }); })
        .function(
            "layerOutputs", +[](Session& s) { return guarded([&] { return layer_outputs(s); }); })
        .function(
            "explainLastDigit", +[](Session& s) { return guarded([&] { return explain_last_digit(s); }); })
        .function(
            "saveModel", +[](Session& s) { return guarded([&] { return uint8_to_js(s.save_model()); }); })
        .function(
            "loadModel",
            +[](Session& s, const val& bytes) {
                return guarded([&] {
                    s.load_model(bytes_from_js(bytes, "the model", kMaxModelBytes));
                    return val::undefined();
                });
            })
        .function(
            "getWeights",
            +[](Session& s) {
                return guarded([&] {
                    const std::vector<float>& p = s.network().params();
                    return copy_to_js("Float32Array", p.data(), p.size());
                });
            })
        .function(
            "setWeights", +[](Session& s, const val& weights) { return guarded([&] { return set_weights(s, weights); }); })
        .function(
            "describe", +[](Session& s) { return guarded([&] { return val(s.network().spec().describe()); }); })
        .function(
            "architecture", +[](Session& s) { return guarded([&] { return architecture(s.network()); }); });
}
