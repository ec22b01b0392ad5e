# Checks the JSON export of data/export-3-2-2.model value by value. That model
# is 3 inputs -> 2 relu units -> 2 softmax units, both layers with biases,
# input scale 1/256, and its 14 parameters, in file order (W0 row by row, b0,
# W1 row by row, b1), are (-1)^k (k + 1) 13/128 for k = 0..13: exact in binary
# and in 9 digits, so the text must give them back unchanged.
file(READ ${FILE} json)
set(expected
  inputs 3  input_scale 0.00390625
  layers:0:units 2  layers:0:activation relu
  layers:0:weights:0:0 0.1015625  layers:0:weights:0:1 -0.203125  layers:0:weights:0:2 0.3046875
  layers:0:weights:1:0 -0.40625   layers:0:weights:1:1 0.5078125  layers:0:weights:1:2 -0.609375
  layers:0:bias:0 0.7109375  layers:0:bias:1 -0.8125
  layers:1:units 2  layers:1:activation softmax
  layers:1:weights:0:0 0.9140625  layers:1:weights:0:1 -1.015625
  layers:1:weights:1:0 1.1171875  layers:1:weights:1:1 -1.21875
  layers:1:bias:0 1.3203125  layers:1:bias:1 -1.421875)
string(JSON layers LENGTH ${json} layers)
string(JSON rows0 LENGTH ${json} layers 0 weights)
string(JSON cols0 LENGTH ${json} layers 0 weights 0)
if(NOT (layers EQUAL 2 AND rows0 EQUAL 2 AND cols0 EQUAL 3))
  message(FATAL_ERROR "unexpected shape: ${layers} layers, W0 ${rows0}x${cols0}")
endif()
list(LENGTH expected n)
math(EXPR last "${n} - 1")
foreach(i RANGE 0 ${last} 2)
  math(EXPR j "${i} + 1")
  list(GET expected ${i} path)
  list(GET expected ${j} want)
  string(REPLACE ":" ";" keys ${path})
  string(JSON got GET ${json} ${keys})
  if(NOT got STREQUAL want)
    message(FATAL_ERROR "${path} is ${got}, expected ${want}")
  endif()
endforeach()
