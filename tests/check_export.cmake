# Checks an exported model's JSON: a 784-128-10 network whose first layer has
# 128 rows of 784 weights and 128 biases, and whose output is softmax.
file(READ ${FILE} json)
string(JSON inputs GET ${json} inputs)
string(JSON layers LENGTH ${json} layers)
string(JSON rows LENGTH ${json} layers 0 weights)
string(JSON cols LENGTH ${json} layers 0 weights 0)
string(JSON biases LENGTH ${json} layers 0 bias)
string(JSON output GET ${json} layers 1 activation)
if(NOT (inputs EQUAL 784 AND layers EQUAL 2 AND rows EQUAL 128 AND cols EQUAL 784 AND biases EQUAL 128
        AND output STREQUAL "softmax"))
  message(FATAL_ERROR "unexpected export: inputs ${inputs}, layers ${layers}, W0 ${rows}x${cols}, b0 ${biases}, out ${output}")
endif()
