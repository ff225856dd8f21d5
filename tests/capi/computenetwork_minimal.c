/* A computenetwork library with only the documented core (no SDN routes, guest network services,
   network callbacks, port reservations or stats), as older Windows builds ship it: tst_libraryapi
   checks that the calls needing a missing export fail with E_NOTIMPL rather than crash. Every call
   fails with HCN_E_MANAGER_STOPPED. */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#ifdef _WIN32
#define EXPORT __declspec(dllexport) /* scripts/build-windows.sh --check builds it as a DLL for Wine */
#else
#define EXPORT __attribute__((visibility("default")))
#endif
#define STOPPED ((int32_t)0x803B0020)

#define KIND(Kind, Kinds)                                                                               \
    EXPORT int32_t HcnEnumerate##Kinds(const void* q, void** out, void** e) { (void)q; *out = NULL; if (e) *e = NULL; return STOPPED; } \
    EXPORT int32_t HcnOpen##Kind(const void* id, void** h, void** e) { (void)id; *h = NULL; if (e) *e = NULL; return STOPPED; } \
    EXPORT int32_t HcnModify##Kind(void* h, const void* s, void** e) { (void)h; (void)s; if (e) *e = NULL; return STOPPED; } \
    EXPORT int32_t HcnQuery##Kind##Properties(void* h, const void* q, void** p, void** e) { (void)h; (void)q; *p = NULL; if (e) *e = NULL; return STOPPED; } \
    EXPORT int32_t HcnDelete##Kind(const void* id, void** e) { (void)id; if (e) *e = NULL; return STOPPED; } \
    EXPORT int32_t HcnClose##Kind(void* h) { (void)h; return STOPPED; }

#define CREATE(Kind)                                                                                    \
    EXPORT int32_t HcnCreate##Kind(const void* id, const void* s, void** h, void** e) { (void)id; (void)s; *h = NULL; if (e) *e = NULL; return STOPPED; }

KIND(Network, Networks)
KIND(Endpoint, Endpoints)
KIND(Namespace, Namespaces)
KIND(LoadBalancer, LoadBalancers)
CREATE(Network)
CREATE(Namespace)
CREATE(LoadBalancer)

EXPORT int32_t HcnCreateEndpoint(void* n, const void* id, const void* s, void** h, void** e)
{
    (void)n; (void)id; (void)s; *h = NULL; if (e) *e = NULL; return STOPPED;
}

EXPORT int32_t HcnRegisterServiceCallback(void* callback, void* context, void** handle)
{
    (void)callback; (void)context; *handle = (void*)0x10; return 0;
}

EXPORT int32_t HcnUnregisterServiceCallback(void* handle)
{
    (void)handle; return 0;
}

EXPORT void* CoTaskMemAlloc(size_t size)
{
    return malloc(size ? size : 1);
}

EXPORT void CoTaskMemFree(void* memory)
{
    free(memory);
}
