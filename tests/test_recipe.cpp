// Recipes: the length of a run, its learning-rate schedule, and a network
// initialized from the recipe's seed.
#include <catch2/catch.hpp>

#include "digitnet/recipe.hpp"

using namespace digitnet;

TEST_CASE("a recipe counts its batches by epochs or by steps", "[recipe]") {
    Recipe r = default_recipe();
    REQUIRE(r.train.batch_size == 32);
    r.epochs = 3;
    CHECK(r.total_batches(9000) == 3 * 282);  // 281 full batches and a short one per epoch
    CHECK(r.config_for(9000).schedule_batches == 3 * 282);
    r.cosine_schedule = false;
    CHECK(r.config_for(9000).schedule_batches == 0);
    r.steps = 50;
    CHECK(r.total_batches(9000) == 50);
}

TEST_CASE("a recipe's network is initialized from its seed", "[recipe]") {
    Recipe r = default_recipe();
    r.train.seed = 7;
    const Network a = r.make_network(), b = r.make_network();
    CHECK(a.params() == b.params());
    CHECK(a.spec().describe() == "1x28x28 c16k5,p2,c32k5,p2,128,10 relu/softmax");
    r.train.seed = 8;
    CHECK(r.make_network().params() != a.params());
}
