#pragma once
// JavaScript values <-> the core's settings vocabulary, for
// the bindings: the page reads the vocabulary (names, defaults, limits,
// pairings) from here and never restates it.
#include <emscripten/val.h>

#include "digitnet/settings.hpp"

namespace digitnet::wasm {

// A plain object {key: number | string | boolean, ...} -> Settings. Throws
// SettingError for anything else (checked before anything is copied).
Settings settings_from_js(const emscripten::val& object);

// {settings: [{key, label, kind, default, min, max, choices, help}],
//  networks: [{name, layers, epochs, about}], learningRates: {sgd, momentum, adam}, initFor: {relu, tanh, ...},
//  maxParameters, maxTrainingBytes}
emscripten::val vocabulary_to_js();

// {ok, errors: {key: message}, parameters, bytes, flopsPerDigit, summary}
emscripten::val settings_report_to_js(const SettingsReport& report);

// {key: value} for every setting of the recipe (what the page's fields show for it).
emscripten::val recipe_to_js(const Recipe& recipe);

}  // namespace digitnet::wasm
