#include "api/library_functions.h"

#ifdef _WIN32
#include <objbase.h>
#endif

namespace hcn::library {

namespace {

template <typename Fn> void lookUp(const SharedLibrary& library, const std::string& name, Fn& out)
{
    out = reinterpret_cast<Fn>(library.symbol(name.c_str()));
}

#ifdef _WIN32
void HCN_LIBRARY_CALL freeWithCoTaskMem(void* memory)
{
    CoTaskMemFree(memory);
}
#endif

} // namespace

std::string exportName(std::string_view verb, ResourceKind kind)
{
    if (verb == "Enumerate")
        return "HcnEnumerate" + std::string(resourceKindPlural(kind));
    if (verb == "Query")
        return "HcnQuery" + std::string(resourceKindName(kind)) + "Properties";
    return "Hcn" + std::string(verb) + std::string(resourceKindName(kind));
}

Status missingExport(const SharedLibrary& library, const std::string& name)
{
    return Status(hr::NotImplemented, library.path() + " does not export " + name + ".");
}

Result<Functions> resolveFunctions(const SharedLibrary& library)
{
    Functions f;
    for (ResourceKind kind : kResourceKinds) {
        auto& k = f.kinds[static_cast<std::size_t>(kind)];
        lookUp(library, exportName("Enumerate", kind), k.enumerate);
        if (kind == ResourceKind::Endpoint)
            lookUp(library, exportName("Create", kind), k.createEndpoint);
        else
            lookUp(library, exportName("Create", kind), k.create);
        lookUp(library, exportName("Open", kind), k.open);
        lookUp(library, exportName("Modify", kind), k.modify);
        lookUp(library, exportName("Query", kind), k.query);
        lookUp(library, exportName("Delete", kind), k.remove);
        lookUp(library, exportName("Close", kind), k.close);
    }
    lookUp(library, "HcnRegisterServiceCallback", f.registerService);
    lookUp(library, "HcnUnregisterServiceCallback", f.unregisterService);
    lookUp(library, "HcnRegisterNetworkCallback", f.registerNetwork);
    lookUp(library, "HcnUnregisterNetworkCallback", f.unregisterNetwork);
    lookUp(library, "HcnRegisterGuestNetworkServiceCallback", f.registerGuestNetworkService);
    lookUp(library, "HcnUnregisterGuestNetworkServiceCallback", f.unregisterGuestNetworkService);
    lookUp(library, "HcnReserveGuestNetworkServicePort", f.reservePort);
    lookUp(library, "HcnReserveGuestNetworkServicePortRange", f.reservePortRange);
    lookUp(library, "HcnReleaseGuestNetworkServicePortReservationHandle", f.releaseReservation);
    lookUp(library, "HcnEnumerateGuestNetworkPortReservations", f.enumerateReservations);
    lookUp(library, "HcnFreeGuestNetworkPortReservations", f.freeReservations);
    lookUp(library, "HcnQueryEndpointStats", f.queryEndpointStats);
#ifdef _WIN32
    f.free = &freeWithCoTaskMem; // computenetwork.dll allocates with the COM task allocator
#else
    lookUp(library, "CoTaskMemFree", f.free);
#endif

    // The documented core every HCN has: without one of these the library is not a computenetwork.
    std::vector<std::pair<std::string, bool>> required;
    for (ResourceKind kind : {ResourceKind::Network, ResourceKind::Endpoint, ResourceKind::Namespace,
                              ResourceKind::LoadBalancer}) {
        const auto& k = f.of(kind);
        required.emplace_back(exportName("Enumerate", kind), k.enumerate != nullptr);
        required.emplace_back(exportName("Create", kind), k.create != nullptr || k.createEndpoint != nullptr);
        required.emplace_back(exportName("Open", kind), k.open != nullptr);
        required.emplace_back(exportName("Modify", kind), k.modify != nullptr);
        required.emplace_back(exportName("Query", kind), k.query != nullptr);
        required.emplace_back(exportName("Delete", kind), k.remove != nullptr);
        required.emplace_back(exportName("Close", kind), k.close != nullptr);
    }
    required.emplace_back("HcnRegisterServiceCallback", f.registerService != nullptr);
    required.emplace_back("HcnUnregisterServiceCallback", f.unregisterService != nullptr);
    required.emplace_back("CoTaskMemFree", f.free != nullptr);
    for (const auto& [name, present] : required)
        if (!present)
            return Status(hr::ProcNotFound, library.path() + " does not export " + name +
                                                ": it is not a computenetwork library.");
    return f;
}

} // namespace hcn::library
