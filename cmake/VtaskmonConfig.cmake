# One INTERFACE target carries the warnings and strict Qt defines; every target links it.
add_library(vtaskmon_config INTERFACE)
target_compile_options(vtaskmon_config INTERFACE
    -Wall -Wextra -Wpedantic -Werror
    -Wno-error=deprecated-declarations)
target_compile_definitions(vtaskmon_config INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    VTASKMON_VERSION="${PROJECT_VERSION}")
if(VTASKMON_SANITIZE)
    target_compile_options(vtaskmon_config INTERFACE
        -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    target_link_options(vtaskmon_config INTERFACE -fsanitize=address,undefined)
endif()

if(VTASKMON_FUZZ)
    target_compile_options(vtaskmon_config INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
    target_link_options(vtaskmon_config INTERFACE -fsanitize=address,undefined)
endif()

# vtaskmon_add_test(NAME tst_foo SOURCES tst_foo.cpp LIBS vtaskmon_network [LABELS x] [TIMEOUT s])
function(vtaskmon_add_test)
    cmake_parse_arguments(T "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE Qt6::Test vtaskmon_config ${T_LIBS})
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    set_tests_properties(${T_NAME} PROPERTIES TIMEOUT ${T_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8"
        LABELS "${T_LABELS}")
endfunction()
