#pragma once
// JavaScript values <-> the core's settings vocabulary, for
// the bindings: the page reads the vocabulary (names, defaults, limits,
// pairings) from here and never restates it.
#include <emscripten/val.h>

#include "digitnet/settings.hpp"

namespace digitnet::wasm {

// post.js's copy of a settings object -> Settings. The copy has no prototype,
// getter or proxy, so reading it runs no JavaScript: {key: number | string |
// boolean, or {type} for a value of another type, or {thrown: message} for one
// whose reading threw}; a known key's value is read once, an unknown key's not
// at all (apply_settings refuses the key); null when the settings are not an
// object. Throws SettingError for a value of the wrong type or that could not
// be read, and for too many or too long keys.
Settings settings_from_js(const emscripten::val& object);

// {settings: [{key, label, kind, default, min, max, choices, help, onPage}],
//  networks: [{name, layers, epochs, about}], learningRates: {sgd, momentum, adam}, initFor: {relu, tanh, ...},
//  maxParameters, maxTrainingBytes}
emscripten::val vocabulary_to_js();

// {ok, errors: {key: message} (each its own property, "__proto__" too), parameters, bytes, flopsPerDigit, summary}
emscripten::val settings_report_to_js(const SettingsReport& report);

// {key: value} for every setting of the recipe (what the page's fields show for it).
emscripten::val recipe_to_js(const Recipe& recipe);

}  // namespace digitnet::wasm
