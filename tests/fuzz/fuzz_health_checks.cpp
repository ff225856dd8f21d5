// Health checks over any snapshot text (what hcnctl --snapshot FILE check and an imported dump give
// them). Nothing may crash; every finding is readable and names its objects; and following the host in
// two steps (half of its objects, then all of them, as an event stream would) gives the same findings as
// checking the whole host at once.

#include "fuzz_support.h"
#include "hcn/health_checks.h"
#include "hcn/host_state.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace {

void expectReadable(const std::vector<hcn::Finding>& findings)
{
    for (const hcn::Finding& finding : findings) {
        hcn::fuzz::expect(!finding.ruleId.empty() && !finding.title.empty(), "a finding has a rule and a title");
        hcn::fuzz::expect(!finding.objects.empty(), "a finding names its objects", finding.ruleId);
        for (const std::string* text : {&finding.message, &finding.cause, &finding.fix})
            hcn::fuzz::expect(hcn::isValidUtf8(*text), "finding texts are valid UTF-8", finding.ruleId);
        for (const auto& [field, value] : finding.evidence)
            hcn::fuzz::expect(hcn::isValidUtf8(field) && hcn::isValidUtf8(value), "evidence is valid UTF-8",
                              finding.ruleId);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto whole = hcn::checkSnapshot(text);
    if (!whole.ok()) {
        hcn::fuzz::expectReadableError(whole.status());
        return 0;
    }
    expectReadable(*whole);

    auto objects = hcn::parseHostSnapshot(text);
    if (!objects.ok())
        return 0;
    std::vector<hcn::HostObject> half(objects->begin(), objects->begin() + std::ptrdiff_t(objects->size() / 2));
    hcn::HostState state;
    (void)state.assign(std::move(half));
    hcn::HealthChecker followed;
    followed.assign(state);
    followed.update(state, state.assign(*objects));

    hcn::HealthChecker fresh;
    fresh.assign(state);
    hcn::fuzz::expect(followed.findings() == fresh.findings(),
                      "findings followed through changes equal a check from scratch");
    return 0;
}
