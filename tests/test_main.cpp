// test_main.cpp — doctest's main; every other tests/test_*.cpp holds one module's tests.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
