# A training run that fails must leave an existing output file as it was.
# -DDIGITNET=<the tool> -DGOOD=<a model> -DWORK=<a scratch folder>
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(out ${WORK}/good.model)
file(COPY_FILE ${GOOD} ${out})
execute_process(COMMAND ${DIGITNET} train --optimizer sgd --lr 100 --no-augment --steps 40 --limit 300 -q -o ${out}
  RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
if(rc EQUAL 0 OR NOT err MATCHES "digitnet: training diverged")
  message(FATAL_ERROR "expected the run to diverge, got exit ${rc}: ${err}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${GOOD} ${out} RESULT_VARIABLE same)
if(NOT same EQUAL 0)
  message(FATAL_ERROR "the failed run changed ${out}: ${err}")
endif()
file(GLOB left ${WORK}/*)
if(NOT left STREQUAL out)
  message(FATAL_ERROR "the failed run left files behind: ${left}")
endif()
