/*
 * capi_test: a plain C11 program written the way a Windows HCN client is written, run against
 * libcomputenetwork. It calls every exported function on its success and error paths and checks the
 * HRESULT, the outputs and the ErrorRecord. One line per check, then "N passed, N failed"; the exit
 * status is 0 only when every check passed.
 */
#define _POSIX_C_SOURCE 200809L /* nanosleep */

#include <computenetwork.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

static int g_passed;
static int g_failed;

static void check(int ok, const char* what, int line)
{
    if (ok) {
        ++g_passed;
        printf("ok   %s\n", what);
    } else {
        ++g_failed;
        printf("FAIL %s (line %d)\n", what, line);
    }
}
#define CHECK(cond, what) check((cond) ? 1 : 0, (what), __LINE__)

static int hr_is(HRESULT actual, HRESULT expected, const char* what, int line)
{
    if (actual != expected)
        printf("     %s (line %d): HRESULT 0x%08X, expected 0x%08X\n", what, line, (unsigned)actual,
               (unsigned)expected);
    return actual == expected;
}
#define CHECK_HR(expr, expected, what) check(hr_is((expr), (expected), (what), __LINE__), (what), __LINE__)

static int contains(PCWSTR text, PCWSTR part)
{
    return text != NULL && wcsstr(text, part) != NULL;
}

/* The ErrorRecord of a failed call: the Response shape with the HRESULT as an unsigned decimal. */
static int is_error_record(PWSTR record, HRESULT hr)
{
    wchar_t code[64];
    swprintf(code, sizeof code / sizeof code[0], L"\"ErrorCode\":%u}", (unsigned)hr);
    return record != NULL && wcsncmp(record, L"{\"Success\":false,\"Error\":\"", 26) == 0 &&
           contains(record, code);
}

static void take(PWSTR* text)
{
    CoTaskMemFree(*text);
    *text = NULL;
}

static int hex_value(wchar_t c)
{
    if (c >= L'0' && c <= L'9')
        return c - L'0';
    if (c >= L'a' && c <= L'f')
        return c - L'a' + 10;
    if (c >= L'A' && c <= L'F')
        return c - L'A' + 10;
    return -1;
}

/* Reads `digits` hex digits at *p. */
static int read_hex(PCWSTR* p, int digits, unsigned long long* out)
{
    *out = 0;
    for (int i = 0; i < digits; ++i) {
        int v = hex_value((*p)[i]);
        if (v < 0)
            return 0;
        *out = (*out << 4) | (unsigned)v;
    }
    *p += digits;
    return 1;
}

/* "8-4-4-4-12" text to a GUID. */
static int parse_guid(PCWSTR text, GUID* guid)
{
    unsigned long long v;
    PCWSTR p = text;
    if (!read_hex(&p, 8, &v) || *p++ != L'-')
        return 0;
    guid->Data1 = (uint32_t)v;
    if (!read_hex(&p, 4, &v) || *p++ != L'-')
        return 0;
    guid->Data2 = (uint16_t)v;
    if (!read_hex(&p, 4, &v) || *p++ != L'-')
        return 0;
    guid->Data3 = (uint16_t)v;
    for (int i = 0; i < 8; ++i) {
        if (i == 2 && *p++ != L'-')
            return 0;
        if (!read_hex(&p, 2, &v))
            return 0;
        guid->Data4[i] = (unsigned char)v;
    }
    return 1;
}

/* The top-level "ID" of a queried document (nested objects such as subnets have IDs too). */
static PCWSTR top_level_id(PCWSTR document)
{
    int depth = 0;
    int inString = 0;
    for (PCWSTR p = document; p != NULL && *p; ++p) {
        if (inString) {
            if (*p == L'\\' && p[1])
                ++p;
            else if (*p == L'"')
                inString = 0;
            continue;
        }
        if (*p == L'{' || *p == L'[')
            ++depth;
        else if (*p == L'}' || *p == L']')
            --depth;
        else if (*p == L'"') {
            if (depth == 1 && wcsncmp(p, L"\"ID\":\"", 6) == 0)
                return p + 6;
            inString = 1;
        }
    }
    return NULL;
}

static int document_id(PCWSTR document, GUID* guid)
{
    PCWSTR at = top_level_id(document);
    return at != NULL && parse_guid(at, guid);
}

static int same_guid(const GUID* a, const GUID* b)
{
    return memcmp(a, b, sizeof(GUID)) == 0;
}

/* Waits up to five seconds for a callback counter to reach `expected`. */
static int wait_for(atomic_int* counter, int expected)
{
    struct timespec step = {0, 2 * 1000 * 1000};
    for (int i = 0; i < 2500; ++i) {
        if (atomic_load(counter) >= expected)
            return 1;
        nanosleep(&step, NULL);
    }
    return atomic_load(counter) >= expected;
}

/* "8-4-4-4-12" text of a GUID in lower or upper case (as a client formats the ID it looks for). */
static void format_guid(const GUID* guid, int upper, wchar_t out[37])
{
    swprintf(out, 37,
             upper ? L"%08X-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X"
                   : L"%08x-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x",
             (unsigned)guid->Data1, (unsigned)guid->Data2, (unsigned)guid->Data3, guid->Data4[0],
             guid->Data4[1], guid->Data4[2], guid->Data4[3], guid->Data4[4], guid->Data4[5], guid->Data4[6],
             guid->Data4[7]);
}

/* True when text holds `"<id>"` exactly, in that spelling. */
static int contains_quoted(PCWSTR text, const wchar_t* id)
{
    wchar_t quoted[40];
    swprintf(quoted, sizeof quoted / sizeof quoted[0], L"\"%ls\"", id);
    return contains(text, quoted);
}

/* ---- callbacks ---------------------------------------------------------------------------------- */

typedef struct Events
{
    atomic_int networkCreate;
    atomic_int networkDelete;
    atomic_int endpointAttached;
    atomic_int endpointDetached;
    atomic_int gnsStateChanged;
    atomic_int withData;
    atomic_int badStatus;
} Events;

static void CALLBACK on_notification(DWORD type, void* context, HRESULT status, PCWSTR data)
{
    Events* events = (Events*)context;
    if (FAILED(status))
        atomic_fetch_add(&events->badStatus, 1);
    if (data != NULL && contains(data, L"\"ID\""))
        atomic_fetch_add(&events->withData, 1);
    switch (type & ~(DWORD)HcnNotificationFlagsReserved) {
    case HcnNotificationNetworkCreate:
        atomic_fetch_add(&events->networkCreate, 1);
        break;
    case HcnNotificationNetworkDelete:
        atomic_fetch_add(&events->networkDelete, 1);
        break;
    case HcnNotificationNetworkEndpointAttached:
        atomic_fetch_add(&events->endpointAttached, 1);
        break;
    case HcnNotificationNetworkEndpointDetached:
        atomic_fetch_add(&events->endpointDetached, 1);
        break;
    case HcnNotificationGuestNetworkServiceStateChanged:
        atomic_fetch_add(&events->gnsStateChanged, 1);
        break;
    default:
        break;
    }
}

static void events_init(Events* e)
{
    atomic_init(&e->networkCreate, 0);
    atomic_init(&e->networkDelete, 0);
    atomic_init(&e->endpointAttached, 0);
    atomic_init(&e->endpointDetached, 0);
    atomic_init(&e->gnsStateChanged, 0);
    atomic_init(&e->withData, 0);
    atomic_init(&e->badStatus, 0);
}

/* ---- documents ---------------------------------------------------------------------------------- */

static const wchar_t* const kNatNetwork =
    L"{\"SchemaVersion\":{\"Major\":2,\"Minor\":0},\"Name\":\"capi-nat\",\"Type\":\"NAT\",\"Ipams\":[{"
    L"\"Type\":"
    L"\"Static\",\"Subnets\":[{\"IpAddressPrefix\":\"172.30.0.0/24\",\"Routes\":[{\"NextHop\":\"172.30.0.1\","
    L"\"DestinationPrefix\":\"0.0.0.0/0\"}]}]}]}";
static const wchar_t* const kV2 = L"{\"SchemaVersion\":{\"Major\":2,\"Minor\":0}}";

/* ---- the checks --------------------------------------------------------------------------------- */

static void test_types(void)
{
    CHECK(sizeof(GUID) == 16, "GUID is 16 bytes");
    CHECK(offsetof(GUID, Data4) == 8, "GUID.Data4 at offset 8");
    CHECK(sizeof(HRESULT) == 4 && (HRESULT)0x80000000 < 0, "HRESULT is a signed 32-bit value");
    CHECK(sizeof(DWORD) == 4 && sizeof(ULONG) == 4 && sizeof(USHORT) == 2,
          "DWORD/ULONG/USHORT have Windows sizes");
    CHECK(sizeof(HCN_PORT_RANGE_ENTRY) == 64 && offsetof(HCN_PORT_RANGE_ENTRY, Priority) == 40 &&
              offsetof(HCN_PORT_RANGE_ENTRY, StartingPort) == 60,
          "HCN_PORT_RANGE_ENTRY layout");
    CHECK(sizeof(HCN_PORT_RANGE_RESERVATION) == 4, "HCN_PORT_RANGE_RESERVATION layout");
    CHECK(HcnNotificationNetworkEndpointDetached == 16 &&
              HcnNotificationGuestNetworkServiceInterfaceStateChanged == 18 &&
              HcnNotificationServiceDisconnect == 0x01000000 &&
              (DWORD)HcnNotificationFlagsReserved == 0xF0000000u,
          "HCN_NOTIFICATIONS values");
    CHECK(HCN_PORT_PROTOCOL_BOTH == 3 && HCN_PORT_ACCESS_SHARED == 2,
          "HCN_PORT_PROTOCOL / HCN_PORT_ACCESS values");
}

static void test_memory(void)
{
    void* block = CoTaskMemAlloc(32);
    CHECK(block != NULL, "CoTaskMemAlloc returns a block");
    memset(block, 0xAB, 32);
    CoTaskMemFree(block);
    void* empty = CoTaskMemAlloc(0);
    CHECK(empty != NULL, "CoTaskMemAlloc(0) returns a distinct block");
    CoTaskMemFree(empty);
    CoTaskMemFree(NULL);
    CHECK(1, "CoTaskMemFree(NULL) is a no-op");
}

/* Networks, and the generic rules every family shares. */
static void test_networks(HCN_NETWORK* keep, GUID* keepId)
{
    GUID zero = {0};
    HCN_NETWORK network = NULL;
    PWSTR error = (PWSTR)1;
    PWSTR text = NULL;

    CHECK_HR(HcnCreateNetwork(&zero, kNatNetwork, &network, &error), S_OK, "HcnCreateNetwork");
    CHECK(network != NULL && error == NULL, "create: handle set, ErrorRecord NULL on success");

    CHECK_HR(HcnQueryNetworkProperties(network, NULL, &text, &error), S_OK,
             "HcnQueryNetworkProperties (NULL query)");
    CHECK(contains(text, L"\"Name\":\"capi-nat\"") && error == NULL, "query returns the document");
    CHECK(document_id(text, keepId), "query carries the generated ID");
    take(&text);
    CHECK_HR(
        HcnQueryNetworkProperties(network, L"{\"SchemaVersion\":{\"Major\":1,\"Minor\":0}}", &text, NULL),
        S_OK, "HcnQueryNetworkProperties (v1 query, no ErrorRecord)");
    CHECK(contains(text, L"\"Name\":\"capi-nat\""), "v1 query returns the network");
    take(&text);

    HCN_NETWORK duplicate = (HCN_NETWORK)1;
    CHECK_HR(HcnCreateNetwork(&zero, kNatNetwork, &duplicate, &error), HCN_E_NETWORK_ALREADY_EXISTS,
             "HcnCreateNetwork duplicate name");
    CHECK(duplicate == NULL, "failed create leaves the handle NULL");
    CHECK(is_error_record(error, HCN_E_NETWORK_ALREADY_EXISTS), "ErrorRecord of a duplicate network");
    take(&error);

    CHECK_HR(HcnCreateNetwork(&zero, L"{not json", &duplicate, &error), HCN_E_INVALID_JSON,
             "create with invalid JSON");
    CHECK(is_error_record(error, HCN_E_INVALID_JSON), "ErrorRecord of invalid JSON");
    take(&error);
    CHECK_HR(HcnCreateNetwork(NULL, kNatNetwork, &duplicate, &error), E_POINTER, "create with NULL Id");
    CHECK(is_error_record(error, E_POINTER), "ErrorRecord of E_POINTER");
    take(&error);
    CHECK_HR(HcnCreateNetwork(&zero, NULL, &duplicate, NULL), E_POINTER, "create with NULL Settings");
    CHECK_HR(HcnCreateNetwork(&zero, kNatNetwork, NULL, NULL), E_POINTER, "create with NULL output");
    {
        wchar_t bad[] = L"{\"Name\":\"x\"}";
        bad[3] = (wchar_t)0xD800; /* a lone surrogate is not Unicode */
        CHECK_HR(HcnCreateNetwork(&zero, bad, &duplicate, &error), E_INVALIDARG,
                 "create with invalid Unicode");
        CHECK(is_error_record(error, E_INVALIDARG), "ErrorRecord of invalid Unicode");
        take(&error);
        bad[3] = (wchar_t)0x110000;
        CHECK_HR(HcnCreateNetwork(&zero, bad, &duplicate, NULL), E_INVALIDARG,
                 "create with a value above U+10FFFF");
    }

    CHECK_HR(HcnEnumerateNetworks(NULL, &text, &error), S_OK, "HcnEnumerateNetworks (NULL query)");
    CHECK(text != NULL && text[0] == L'[' && error == NULL, "enumerate returns a JSON array");
    take(&text);
    CHECK_HR(HcnEnumerateNetworks(L"{\"Filter\":\"{\\\"Name\\\":\\\"capi-nat\\\"}\"}", &text, NULL), S_OK,
             "HcnEnumerateNetworks with a filter");
    CHECK(text != NULL && wcslen(text) == 40, "filter matches exactly one network");
    take(&text);
    CHECK_HR(HcnEnumerateNetworks(L"[1", &text, &error), HCN_E_INVALID_JSON, "enumerate with invalid query");
    CHECK(text == NULL && is_error_record(error, HCN_E_INVALID_JSON),
          "failed enumerate: output NULL, ErrorRecord set");
    take(&error);
    CHECK_HR(HcnEnumerateNetworks(NULL, NULL, &error), E_POINTER, "enumerate with NULL output");
    take(&error);

    HCN_NETWORK opened = NULL;
    CHECK_HR(HcnOpenNetwork(keepId, &opened, &error), S_OK, "HcnOpenNetwork");
    CHECK(opened != NULL && opened != network, "open returns a second handle");
    CHECK_HR(HcnCloseNetwork(opened), S_OK, "HcnCloseNetwork");
    CHECK_HR(HcnCloseNetwork(opened), E_HANDLE, "closing twice fails with E_HANDLE");
    {
        GUID unknown = {0x12345678, 0x1234, 0x5678, {1, 2, 3, 4, 5, 6, 7, 8}};
        opened = (HCN_NETWORK)1;
        CHECK_HR(HcnOpenNetwork(&unknown, &opened, &error), HCN_E_NETWORK_NOT_FOUND,
                 "open an unknown network");
        CHECK(opened == NULL && is_error_record(error, HCN_E_NETWORK_NOT_FOUND),
              "failed open: handle NULL, ErrorRecord");
        take(&error);
        CHECK_HR(HcnDeleteNetwork(&unknown, &error), HCN_E_NETWORK_NOT_FOUND, "delete an unknown network");
        take(&error);
    }
    CHECK_HR(HcnOpenNetwork(NULL, &opened, NULL), E_POINTER, "open with NULL Id");

    CHECK_HR(
        HcnModifyNetwork(network,
                         L"{\"ResourceType\":\"Policy\",\"RequestType\":\"Add\",\"Settings\":{\"Policies\":"
                         L"[{\"Type\":\"HostRoute\",\"Settings\":{}}]}}",
                         &error),
        S_OK, "HcnModifyNetwork (add a HostRoute policy)");
    CHECK(error == NULL, "modify: ErrorRecord NULL on success");
    CHECK_HR(HcnModifyNetwork(network, NULL, &error), E_POINTER, "modify with NULL Settings");
    take(&error);
    CHECK_HR(HcnModifyNetwork((HCN_NETWORK)0x7777770, L"{}", &error), E_HANDLE,
             "modify with an unknown handle");
    CHECK(is_error_record(error, E_HANDLE), "ErrorRecord of E_HANDLE");
    take(&error);
    CHECK_HR(HcnQueryNetworkProperties(network, NULL, NULL, NULL), E_POINTER, "query with NULL output");
    CHECK_HR(HcnCloseNetwork(NULL), E_HANDLE, "close a NULL handle");

    *keep = network;
}

static void test_endpoints_namespaces(HCN_NETWORK network, const GUID* networkId)
{
    GUID zero = {0};
    PWSTR error = NULL;
    PWSTR text = NULL;
    HCN_ENDPOINT endpoint = NULL;
    GUID endpointId;
    Events events;
    events_init(&events);

    HCN_CALLBACK networkCallback = NULL;
    HCN_CALLBACK secondCallback = NULL;
    HCN_CALLBACK failed = (HCN_CALLBACK)1;
    CHECK_HR(HcnRegisterNetworkCallback(network, on_notification, &events, &networkCallback), S_OK,
             "HcnRegisterNetworkCallback");
    CHECK(networkCallback != NULL, "network callback handle set");
    CHECK_HR(HcnRegisterNetworkCallback((HCN_NETWORK)0x8888880, on_notification, &events, &failed), E_HANDLE,
             "register a network callback on an unknown handle");
    CHECK(failed == NULL, "failed register: handle NULL");
    CHECK_HR(HcnRegisterNetworkCallback(network, NULL, &events, &failed), E_POINTER,
             "register a NULL network callback");
    CHECK_HR(HcnRegisterNetworkCallback(network, on_notification, &events, &secondCallback), S_OK,
             "HcnRegisterNetworkCallback again");
    CHECK(secondCallback != NULL && secondCallback != networkCallback, "a second, distinct callback handle");

    CHECK_HR(HcnCreateEndpoint(network, &zero,
                               L"{\"SchemaVersion\":{\"Major\":2,\"Minor\":0},\"Name\":\"capi-ep\"}",
                               &endpoint, &error),
             S_OK, "HcnCreateEndpoint");
    CHECK(endpoint != NULL && error == NULL, "endpoint handle set");
    CHECK_HR(HcnCreateEndpoint((HCN_NETWORK)0x9999990, &zero, kV2, &endpoint, &error), E_HANDLE,
             "create an endpoint on an unknown network handle");
    CHECK(endpoint == NULL, "failed endpoint create: handle NULL");
    take(&error);
    CHECK_HR(HcnEnumerateEndpoints(NULL, &text, NULL), S_OK, "HcnEnumerateEndpoints");
    CHECK(text != NULL && wcslen(text) == 40, "one endpoint enumerated");
    CHECK(text != NULL && parse_guid(text + 2, &endpointId), "enumerated endpoint ID parses");
    take(&text);
    CHECK_HR(HcnOpenEndpoint(&endpointId, &endpoint, &error), S_OK, "HcnOpenEndpoint");

    CHECK_HR(HcnQueryEndpointProperties(endpoint, L"", &text, &error), S_OK, "HcnQueryEndpointProperties");
    CHECK(contains(text, L"\"Name\":\"capi-ep\"") && contains(text, L"172.30.0."),
          "endpoint has an address from the subnet");
    take(&text);
    CHECK_HR(HcnQueryEndpointAddresses(endpoint, NULL, &text, &error), S_OK, "HcnQueryEndpointAddresses");
    CHECK(contains(text, L"\"IpConfigurations\":[{\"IpAddress\":\"172.30.0.") &&
              contains(text, L"\"MacAddress\""),
          "addresses list the endpoint's IP and MAC");
    take(&text);
    CHECK_HR(HcnQueryEndpointAddresses(endpoint, L"{", &text, &error), HCN_E_INVALID_JSON,
             "addresses with invalid query");
    take(&error);
    CHECK_HR(HcnQueryEndpointAddresses(endpoint, NULL, NULL, NULL), E_POINTER, "addresses with NULL output");
    CHECK_HR(HcnQueryEndpointStats(endpoint, NULL, &text, &error), S_OK, "HcnQueryEndpointStats");
    CHECK(contains(text, L"\"BytesReceived\"") && contains(text, L"\"EndpointId\""),
          "stats carry the counters");
    take(&text);
    CHECK_HR(HcnQueryEndpointStats((HCN_ENDPOINT)0x5555550, NULL, &text, &error), E_HANDLE,
             "stats of an unknown handle");
    CHECK(text == NULL && is_error_record(error, E_HANDLE), "failed stats: output NULL, ErrorRecord set");
    take(&error);
    CHECK_HR(
        HcnModifyEndpoint(endpoint,
                          L"{\"ResourceType\":\"Policy\",\"RequestType\":\"Add\",\"Settings\":{\"Policies\":"
                          L"[{\"Type\":\"OutBoundNAT\",\"Settings\":{}}]}}",
                          &error),
        S_OK, "HcnModifyEndpoint (add an OutBoundNAT policy)");
    take(&error);
    CHECK_HR(HcnModifyEndpoint(endpoint, L"{\"ResourceType\":\"Nonsense\",\"RequestType\":\"Add\"}", &error) <
                 0,
             1, "modify endpoint with an unknown resource type fails");
    CHECK(error != NULL && wcsncmp(error, L"{\"Success\":false", 16) == 0,
          "ErrorRecord of a bad modify request");
    take(&error);

    /* Namespaces, and the attach notification the network callback receives. */
    HCN_NAMESPACE ns = NULL;
    GUID namespaceId;
    CHECK_HR(HcnCreateNamespace(&zero, kV2, &ns, &error), S_OK, "HcnCreateNamespace");
    CHECK_HR(HcnQueryNamespaceProperties(ns, NULL, &text, &error), S_OK, "HcnQueryNamespaceProperties");
    CHECK(document_id(text, &namespaceId), "namespace ID read back");
    take(&text);
    {
        wchar_t request[256];
        wchar_t id[40];
        PWSTR endpointDoc = NULL;
        (void)HcnQueryEndpointProperties(endpoint, NULL, &endpointDoc, NULL);
        PCWSTR at = top_level_id(endpointDoc);
        CHECK(at != NULL, "endpoint document has an ID");
        if (at) {
            wcsncpy(id, at, 36);
            id[36] = 0;
            swprintf(request, 256,
                     L"{\"ResourceType\":\"Endpoint\",\"RequestType\":\"Add\",\"Settings\":{\"EndpointId\":"
                     L"\"%ls\"}}",
                     id);
            CHECK_HR(HcnModifyNamespace(ns, request, &error), S_OK,
                     "HcnModifyNamespace (attach the endpoint)");
            CHECK_HR(HcnModifyNamespace(ns, request, &error), HCN_E_ENDPOINT_NAMESPACE_ALREADY_EXISTS,
                     "attaching twice fails");
            CHECK(is_error_record(error, HCN_E_ENDPOINT_NAMESPACE_ALREADY_EXISTS),
                  "ErrorRecord of a double attach");
            take(&error);
        }
        CoTaskMemFree(endpointDoc);
    }
    CHECK(wait_for(&events.endpointAttached, 2), "both network callbacks receive EndpointAttached");
    CHECK(atomic_load(&events.withData) >= 2, "the notification carries NotificationBase data");
    CHECK_HR(HcnUnregisterNetworkCallback(networkCallback), S_OK, "HcnUnregisterNetworkCallback");
    CHECK_HR(HcnUnregisterNetworkCallback(secondCallback), S_OK, "unregister the second network callback");
    CHECK_HR(HcnUnregisterNetworkCallback(networkCallback), E_HANDLE, "unregistering twice fails");
    CHECK_HR(HcnUnregisterServiceCallback(networkCallback), E_HANDLE,
             "a network callback handle is not a service callback handle");

    CHECK_HR(HcnEnumerateNamespaces(NULL, &text, &error), S_OK, "HcnEnumerateNamespaces");
    take(&text);
    HCN_NAMESPACE nsOpened = NULL;
    CHECK_HR(HcnOpenNamespace(&namespaceId, &nsOpened, &error), S_OK, "HcnOpenNamespace");
    CHECK_HR(HcnCloseNamespace(nsOpened), S_OK, "HcnCloseNamespace");
    {
        GUID unknown = {0xABCDEF01, 1, 2, {3, 4, 5, 6, 7, 8, 9, 10}};
        CHECK_HR(HcnOpenNamespace(&unknown, &nsOpened, &error), (HRESULT)0x80070490,
                 "open an unknown namespace: ERROR_NOT_FOUND");
        take(&error);
    }
    CHECK_HR(HcnDeleteNamespace(&namespaceId, &error), S_OK, "HcnDeleteNamespace");
    CHECK_HR(HcnQueryNamespaceProperties(ns, NULL, &text, &error), HCN_E_OBJECT_USED_AFTER_UNLOAD,
             "query through a handle of a deleted namespace");
    take(&error);
    CHECK_HR(HcnCloseNamespace(ns), S_OK, "close the handle of a deleted namespace");

    /* Load balancers over the endpoint. */
    {
        wchar_t id[40];
        wchar_t doc[512];
        HCN_LOADBALANCER lb = NULL;
        GUID lbId;
        PWSTR endpointDoc = NULL;
        (void)HcnQueryEndpointProperties(endpoint, NULL, &endpointDoc, NULL);
        PCWSTR at = top_level_id(endpointDoc);
        id[0] = 0;
        if (at) {
            wcsncpy(id, at, 36);
            id[36] = 0;
        }
        CoTaskMemFree(endpointDoc);
        swprintf(
            doc, 512,
            L"{\"SchemaVersion\":{\"Major\":2,\"Minor\":0},\"HostComputeEndpoints\":[\"%ls\"],"
            L"\"FrontendVIPs\":"
            L"[\"10.96.0.10\"],\"PortMappings\":[{\"Protocol\":6,\"InternalPort\":80,\"ExternalPort\":%d}]}",
            id, 80);
        CHECK_HR(HcnCreateLoadBalancer(&zero, doc, &lb, &error), S_OK, "HcnCreateLoadBalancer");
        CHECK_HR(HcnQueryLoadBalancerProperties(lb, NULL, &text, &error), S_OK,
                 "HcnQueryLoadBalancerProperties");
        CHECK(contains(text, L"10.96.0.10") && document_id(text, &lbId), "load balancer document read back");
        take(&text);
        swprintf(
            doc, 512,
            L"{\"SchemaVersion\":{\"Major\":2,\"Minor\":0},\"HostComputeEndpoints\":[\"%ls\"],"
            L"\"FrontendVIPs\":"
            L"[\"10.96.0.10\"],\"PortMappings\":[{\"Protocol\":6,\"InternalPort\":80,\"ExternalPort\":%d}]}",
            id, 8080);
        CHECK_HR(HcnModifyLoadBalancer(lb, doc, &error), S_OK, "HcnModifyLoadBalancer (replace)");
        CHECK_HR(HcnQueryLoadBalancerProperties(lb, NULL, &text, &error), S_OK,
                 "query the replaced load balancer");
        CHECK(contains(text, L"8080"), "replacement applied");
        take(&text);
        CHECK_HR(HcnModifyLoadBalancer(
                     lb, L"{\"SchemaVersion\":{\"Major\":2,\"Minor\":0},\"FrontendVIPs\":[\"10.96.0.300\"]}",
                     &error) < 0,
                 1, "replacing with an invalid VIP fails");
        take(&error);
        CHECK_HR(HcnEnumerateLoadBalancers(NULL, &text, &error), S_OK, "HcnEnumerateLoadBalancers");
        CHECK(text != NULL && wcslen(text) == 40, "one load balancer enumerated");
        take(&text);
        HCN_LOADBALANCER lbOpened = NULL;
        CHECK_HR(HcnOpenLoadBalancer(&lbId, &lbOpened, &error), S_OK, "HcnOpenLoadBalancer");
        CHECK_HR(HcnCloseLoadBalancer(lbOpened), S_OK, "HcnCloseLoadBalancer");
        CHECK_HR(HcnCloseLoadBalancer(endpoint), E_HANDLE,
                 "an endpoint handle is not a load balancer handle");
        CHECK_HR(HcnDeleteLoadBalancer(&lbId, &error), S_OK, "HcnDeleteLoadBalancer");
        CHECK_HR(HcnDeleteLoadBalancer(&lbId, &error) < 0, 1, "deleting a load balancer twice fails");
        take(&error);
        CHECK_HR(HcnCloseLoadBalancer(lb), S_OK, "close the deleted load balancer's handle");

        /* SDN routes over the endpoint. */
        HCN_SDNROUTE route = NULL;
        GUID routeId;
        swprintf(
            doc, 512,
            L"{\"SchemaVersion\":{\"Major\":2,\"Minor\":0},\"HostComputeEndpoints\":[\"%ls\"],\"Routes\":"
            L"[{\"DestinationPrefix\":\"169.254.169.254/"
            L"32\",\"NextHop\":\"172.30.0.1\",\"NeedEncap\":false}]}",
            id);
        CHECK_HR(HcnCreateSdnRoute(&zero, doc, &route, &error), S_OK, "HcnCreateSdnRoute");
        CHECK_HR(HcnQuerySdnRouteProperties(route, NULL, &text, &error), S_OK, "HcnQuerySdnRouteProperties");
        CHECK(contains(text, L"169.254.169.254/32") && document_id(text, &routeId),
              "route document read back");
        take(&text);
        swprintf(
            doc, 512,
            L"{\"SchemaVersion\":{\"Major\":2,\"Minor\":0},\"HostComputeEndpoints\":[\"%ls\"],\"Routes\":"
            L"[{\"DestinationPrefix\":\"10.0.0.0/8\",\"NextHop\":\"172.30.0.1\",\"NeedEncap\":false}]}",
            id);
        CHECK_HR(HcnModifySdnRoute(route, doc, &error), S_OK, "HcnModifySdnRoute (replace)");
        CHECK_HR(HcnQuerySdnRouteProperties(route, NULL, &text, &error), S_OK, "query the replaced route");
        CHECK(contains(text, L"10.0.0.0/8"), "route replacement applied");
        take(&text);
        CHECK_HR(HcnModifySdnRoute(route, L"{oops", &error), HCN_E_INVALID_JSON,
                 "modify a route with invalid JSON");
        take(&error);
        CHECK_HR(HcnEnumerateSdnRoutes(NULL, &text, &error), S_OK, "HcnEnumerateSdnRoutes");
        CHECK(text != NULL && wcslen(text) == 40, "one route enumerated");
        take(&text);
        CHECK_HR(HcnEnumerateSdnRoutes(NULL, NULL, &error), E_POINTER, "enumerate routes with NULL output");
        take(&error);
        HCN_SDNROUTE routeOpened = NULL;
        CHECK_HR(HcnOpenSdnRoute(&routeId, &routeOpened, &error), S_OK, "HcnOpenSdnRoute");
        CHECK_HR(HcnCloseSdnRoute(routeOpened), S_OK, "HcnCloseSdnRoute");
        CHECK_HR(HcnCloseSdnRoute(routeOpened), E_HANDLE, "close a route handle twice");
        CHECK_HR(HcnDeleteSdnRoute(&routeId, &error), S_OK, "HcnDeleteSdnRoute");
        CHECK_HR(HcnOpenSdnRoute(&routeId, &routeOpened, &error) < 0, 1, "open a deleted route fails");
        CHECK(routeOpened == NULL && error != NULL, "failed route open: handle NULL, ErrorRecord set");
        take(&error);
        CHECK_HR(HcnDeleteSdnRoute(NULL, &error), E_POINTER, "delete a route with NULL Id");
        take(&error);
        CHECK_HR(HcnCloseSdnRoute(route), S_OK, "close the deleted route's handle");
    }

    CHECK_HR(HcnDeleteEndpoint(&endpointId, &error), S_OK, "HcnDeleteEndpoint");
    CHECK_HR(HcnDeleteEndpoint(&endpointId, &error), HCN_E_ENDPOINT_NOT_FOUND, "delete an endpoint twice");
    CHECK(is_error_record(error, HCN_E_ENDPOINT_NOT_FOUND), "ErrorRecord of a missing endpoint");
    take(&error);
    CHECK_HR(HcnQueryEndpointProperties(endpoint, NULL, &text, &error), HCN_E_OBJECT_USED_AFTER_UNLOAD,
             "query a deleted endpoint's handle");
    take(&error);
    CHECK_HR(HcnCloseEndpoint(endpoint), S_OK, "HcnCloseEndpoint");
    CHECK_HR(HcnCloseEndpoint(endpoint), E_HANDLE, "close an endpoint handle twice");
    (void)networkId;
}

static void test_guest_network_service(void)
{
    GUID zero = {0};
    PWSTR error = NULL;
    PWSTR text = NULL;
    HCN_GUESTNETWORKSERVICE gns = NULL;
    GUID gnsId;
    Events events;
    events_init(&events);

    CHECK_HR(HcnCreateGuestNetworkService(
                 &zero,
                 L"{\"SchemaVersion\":{\"Major\":2,\"Minor\":0},\"VirtualMachineId\":"
                 L"\"5E0A3C53-A2D6-4A8B-8E2B-9D7A2E1F0C11\",\"MirrorHostNetworking\":true}",
                 &gns, &error),
             S_OK, "HcnCreateGuestNetworkService");
    CHECK_HR(HcnQueryGuestNetworkServiceProperties(gns, NULL, &text, &error), S_OK,
             "HcnQueryGuestNetworkServiceProperties");
    CHECK(document_id(text, &gnsId), "guest network service ID read back");
    take(&text);
    CHECK_HR(HcnEnumerateGuestNetworkServices(NULL, &text, &error), S_OK, "HcnEnumerateGuestNetworkServices");
    CHECK(text != NULL && wcslen(text) == 40, "one guest network service enumerated");
    take(&text);
    HCN_GUESTNETWORKSERVICE gnsOpened = NULL;
    CHECK_HR(HcnOpenGuestNetworkService(&gnsId, &gnsOpened, &error), S_OK, "HcnOpenGuestNetworkService");

    HCN_CALLBACK callback = NULL;
    CHECK_HR(HcnRegisterGuestNetworkServiceCallback(gnsOpened, on_notification, &events, &callback), S_OK,
             "HcnRegisterGuestNetworkServiceCallback");
    CHECK_HR(HcnRegisterGuestNetworkServiceCallback(gns, on_notification, &events, NULL), E_POINTER,
             "register with NULL CallbackHandle");
    CHECK_HR(
        HcnModifyGuestNetworkService(gns,
                                     L"{\"ResourceType\":\"State\",\"RequestType\":\"Update\",\"Settings\":"
                                     L"{\"State\":\"Synchronized\"}}",
                                     &error),
        S_OK, "HcnModifyGuestNetworkService (state)");
    CHECK(wait_for(&events.gnsStateChanged, 1), "the guest network service callback receives StateChanged");
    CHECK_HR(
        HcnModifyGuestNetworkService(gns,
                                     L"{\"ResourceType\":\"State\",\"RequestType\":\"Update\",\"Settings\":"
                                     L"{\"State\":\"NoSuchState\"}}",
                                     &error) < 0,
        1, "an unknown state fails");
    take(&error);
    CHECK_HR(HcnUnregisterNetworkCallback(callback), E_HANDLE,
             "a GNS callback handle is not a network callback handle");
    CHECK_HR(HcnUnregisterGuestNetworkServiceCallback(callback), S_OK,
             "HcnUnregisterGuestNetworkServiceCallback");
    CHECK_HR(HcnUnregisterGuestNetworkServiceCallback(callback), E_HANDLE, "unregister a GNS callback twice");

    /* Port reservations. */
    HANDLE single = NULL;
    HANDLE conflict = (HANDLE)1;
    HANDLE shared1 = NULL;
    HANDLE shared2 = NULL;
    HANDLE range = NULL;
    HCN_PORT_RANGE_RESERVATION block = {0, 0};
    CHECK_HR(HcnReserveGuestNetworkServicePort(gns, HCN_PORT_PROTOCOL_TCP, HCN_PORT_ACCESS_EXCLUSIVE, 8080,
                                               &single),
             S_OK, "HcnReserveGuestNetworkServicePort (TCP 8080 exclusive)");
    CHECK(single != NULL, "reservation handle set");
    CHECK_HR(HcnReserveGuestNetworkServicePort(gns, HCN_PORT_PROTOCOL_BOTH, HCN_PORT_ACCESS_SHARED, 8080,
                                               &conflict),
             (HRESULT)0x80072740, "reserving an exclusively held port fails with WSAEADDRINUSE");
    CHECK(conflict == NULL, "failed reservation: handle NULL");
    CHECK_HR(
        HcnReserveGuestNetworkServicePort(gns, HCN_PORT_PROTOCOL_UDP, HCN_PORT_ACCESS_SHARED, 8080, &shared1),
        S_OK, "UDP 8080 is still free");
    CHECK_HR(
        HcnReserveGuestNetworkServicePort(gns, HCN_PORT_PROTOCOL_UDP, HCN_PORT_ACCESS_SHARED, 8080, &shared2),
        S_OK, "a shared port can be shared");
    CHECK_HR(HcnReserveGuestNetworkServicePort(gns, HCN_PORT_PROTOCOL_TCP, HCN_PORT_ACCESS_EXCLUSIVE, 0,
                                               &conflict),
             E_INVALIDARG, "port 0 is rejected");
    CHECK_HR(HcnReserveGuestNetworkServicePort((HCN_GUESTNETWORKSERVICE)0x4444440, HCN_PORT_PROTOCOL_TCP,
                                               HCN_PORT_ACCESS_EXCLUSIVE, 9000, &conflict),
             E_HANDLE, "reserve on an unknown service handle");
    CHECK_HR(
        HcnReserveGuestNetworkServicePort(gns, HCN_PORT_PROTOCOL_TCP, HCN_PORT_ACCESS_EXCLUSIVE, 9000, NULL),
        E_POINTER, "reserve with NULL output");
    CHECK_HR(HcnReserveGuestNetworkServicePortRange(gns, 16, &block, &range), S_OK,
             "HcnReserveGuestNetworkServicePortRange");
    CHECK(range != NULL && block.endingPort - block.startingPort == 15 && block.startingPort >= 49152,
          "a range of 16 dynamic ports");
    CHECK_HR(HcnReserveGuestNetworkServicePortRange(gns, 0, &block, &conflict), E_INVALIDARG,
             "a range of 0 ports fails");
    CHECK(block.startingPort == 0 && block.endingPort == 0, "failed range: reservation zeroed");
    CHECK_HR(HcnReserveGuestNetworkServicePortRange(gns, 4, NULL, &conflict), E_POINTER,
             "range with NULL reservation");

    ULONG count = 99;
    HCN_PORT_RANGE_ENTRY* entries = NULL;
    CHECK_HR(HcnEnumerateGuestNetworkPortReservations(&count, &entries), S_OK,
             "HcnEnumerateGuestNetworkPortReservations");
    CHECK(count == 4 && entries != NULL, "four reservations listed");
    {
        int sawRange = 0;
        int partitionsOk = 1;
        GUID vm;
        parse_guid(L"5E0A3C53-A2D6-4A8B-8E2B-9D7A2E1F0C11", &vm);
        for (ULONG i = 0; entries != NULL && i < count; ++i) {
            if (entries[i].ReservationType == 1 && entries[i].EndingPort - entries[i].StartingPort == 15 &&
                entries[i].Protocol == HCN_PORT_PROTOCOL_BOTH)
                sawRange = 1;
            if (!same_guid(&entries[i].TargetPartitionId, &gnsId) ||
                !same_guid(&entries[i].OwningPartitionId, &vm))
                partitionsOk = 0;
        }
        CHECK(sawRange, "the range entry has ReservationType 1 and both protocols");
        CHECK(partitionsOk, "entries name the service (target) and its VM (owner)");
    }
    HcnFreeGuestNetworkPortReservations(entries);
    HcnFreeGuestNetworkPortReservations(NULL);
    CHECK(1, "HcnFreeGuestNetworkPortReservations (entries and NULL)");
    CHECK_HR(HcnEnumerateGuestNetworkPortReservations(NULL, &entries), E_POINTER,
             "enumerate with NULL count");

    CHECK_HR(HcnReleaseGuestNetworkServicePortReservationHandle(single), S_OK,
             "HcnReleaseGuestNetworkServicePortReservationHandle");
    CHECK_HR(HcnReleaseGuestNetworkServicePortReservationHandle(single), E_HANDLE, "releasing twice fails");
    CHECK_HR(HcnReleaseGuestNetworkServicePortReservationHandle(NULL), E_HANDLE, "releasing NULL fails");
    CHECK_HR(
        HcnReserveGuestNetworkServicePort(gns, HCN_PORT_PROTOCOL_TCP, HCN_PORT_ACCESS_SHARED, 8080, &single),
        S_OK, "a released port can be reserved again");
    CHECK_HR(HcnReleaseGuestNetworkServicePortReservationHandle(single), S_OK, "release it");
    CHECK_HR(HcnReleaseGuestNetworkServicePortReservationHandle(shared1), S_OK, "release shared 1");
    CHECK_HR(HcnReleaseGuestNetworkServicePortReservationHandle(shared2), S_OK, "release shared 2");
    CHECK_HR(HcnReleaseGuestNetworkServicePortReservationHandle(range), S_OK, "release the range");
    CHECK_HR(HcnEnumerateGuestNetworkPortReservations(&count, &entries), S_OK,
             "enumerate after releasing everything");
    CHECK(count == 0 && entries == NULL, "no reservations: count 0, entries NULL");

    CHECK_HR(HcnCloseGuestNetworkService(gnsOpened), S_OK, "HcnCloseGuestNetworkService");
    CHECK_HR(HcnDeleteGuestNetworkService(&gnsId, &error), S_OK, "HcnDeleteGuestNetworkService");
    CHECK_HR(HcnDeleteGuestNetworkService(&gnsId, &error) < 0, 1, "delete a guest network service twice");
    take(&error);
    CHECK_HR(HcnRegisterGuestNetworkServiceCallback(gns, on_notification, &events, &callback),
             HCN_E_OBJECT_USED_AFTER_UNLOAD, "register on a deleted service");
    CHECK_HR(HcnModifyGuestNetworkService(gns, L"{}", &error), HCN_E_OBJECT_USED_AFTER_UNLOAD,
             "modify a deleted service");
    take(&error);
    CHECK_HR(HcnCloseGuestNetworkService(gns), S_OK, "close the deleted service's handle");
    CHECK_HR(HcnCloseGuestNetworkService(gns), E_HANDLE, "close it twice");
}

/* IDs a client passes as binary GUIDs come back in lower case in v2 output, as HCN spells them: a client
 * (Canonical Multipass's HCN wrapper) formats its GUID in lower case and looks for it in
 * HcnEnumerateNetworks' output. v1 output (Get-Hns*, SchemaVersion 1.0 queries) spells IDs in upper case. */
static void test_binary_guid_spelling(void)
{
    const GUID networkId = {0xB95D0C79, 0x18B0, 0x4C23, {0x8E, 0x4C, 0x1A, 0x8F, 0x2F, 0x6C, 0x0E, 0x3A}};
    const GUID endpointId = {0xC4B3A291, 0x8071, 0x4F6E, {0x9D, 0x5C, 0x4B, 0x3A, 0x29, 0x18, 0x07, 0x16}};
    wchar_t networkLower[37], networkUpper[37], endpointLower[37], endpointUpper[37];
    format_guid(&networkId, 0, networkLower);
    format_guid(&networkId, 1, networkUpper);
    format_guid(&endpointId, 0, endpointLower);
    format_guid(&endpointId, 1, endpointUpper);
    HCN_NETWORK network = NULL;
    HCN_ENDPOINT endpoint = NULL;
    PWSTR text = NULL;

    CHECK_HR(HcnCreateNetwork(&networkId,
                              L"{\"SchemaVersion\":{\"Major\":2,\"Minor\":0},\"Name\":\"capi-binary-id\","
                              L"\"Type\":\"ICS\",\"Flags\":9}",
                              &network, NULL),
             S_OK, "HcnCreateNetwork with a binary GUID");
    CHECK_HR(HcnEnumerateNetworks(NULL, &text, NULL), S_OK,
             "HcnEnumerateNetworks after a binary-GUID create");
    CHECK(contains_quoted(text, networkLower), "enumerate lists the binary GUID in lower case");
    take(&text);
    CHECK_HR(HcnQueryNetworkProperties(network, NULL, &text, NULL), S_OK, "query the binary-GUID network");
    CHECK(top_level_id(text) != NULL && wcsncmp(top_level_id(text), networkLower, 36) == 0,
          "v2 properties spell the ID in lower case");
    take(&text);
    CHECK_HR(
        HcnQueryNetworkProperties(network, L"{\"SchemaVersion\":{\"Major\":1,\"Minor\":0}}", &text, NULL),
        S_OK, "v1 query of the binary-GUID network");
    CHECK(top_level_id(text) != NULL && wcsncmp(top_level_id(text), networkUpper, 36) == 0,
          "v1 properties spell the ID in upper case");
    take(&text);

    CHECK_HR(HcnCreateEndpoint(network, &endpointId, kV2, &endpoint, NULL), S_OK,
             "HcnCreateEndpoint with a binary GUID");
    CHECK_HR(HcnEnumerateEndpoints(NULL, &text, NULL), S_OK, "HcnEnumerateEndpoints");
    CHECK(contains_quoted(text, endpointLower), "enumerate lists the endpoint's binary GUID in lower case");
    take(&text);
    CHECK_HR(HcnQueryEndpointProperties(endpoint, NULL, &text, NULL), S_OK, "query the binary-GUID endpoint");
    CHECK(contains_quoted(text, networkLower), "the endpoint names its network as the network spells its ID");
    take(&text);
    CHECK_HR(
        HcnQueryEndpointProperties(endpoint, L"{\"SchemaVersion\":{\"Major\":1,\"Minor\":0}}", &text, NULL),
        S_OK, "v1 query of the binary-GUID endpoint");
    CHECK(contains_quoted(text, endpointUpper) && contains_quoted(text, networkUpper),
          "v1 endpoint: ID and VirtualNetwork in upper case");
    take(&text);

    CHECK_HR(HcnCloseEndpoint(endpoint), S_OK, "close the binary-GUID endpoint");
    CHECK_HR(HcnDeleteEndpoint(&endpointId, NULL), S_OK, "delete the binary-GUID endpoint");
    CHECK_HR(HcnCloseNetwork(network), S_OK, "close the binary-GUID network");
    CHECK_HR(HcnDeleteNetwork(&networkId, NULL), S_OK, "delete the binary-GUID network");
}

int main(void)
{
    Events service;
    events_init(&service);
    HCN_CALLBACK serviceCallback = NULL;

    test_types();
    test_memory();

    CHECK_HR(HcnRegisterServiceCallback(on_notification, &service, &serviceCallback), S_OK,
             "HcnRegisterServiceCallback");
    CHECK(serviceCallback != NULL, "service callback handle set");
    {
        HCN_CALLBACK failed = (HCN_CALLBACK)1;
        CHECK_HR(HcnRegisterServiceCallback(NULL, &service, &failed), E_POINTER,
                 "register a NULL service callback");
        CHECK(failed == NULL, "failed register: handle NULL");
        CHECK_HR(HcnRegisterServiceCallback(on_notification, &service, NULL), E_POINTER,
                 "register with NULL CallbackHandle");
    }

    HCN_NETWORK network = NULL;
    GUID networkId;
    test_networks(&network, &networkId);
    CHECK(wait_for(&service.networkCreate, 1), "the service callback receives NetworkCreate");

    test_endpoints_namespaces(network, &networkId);
    test_guest_network_service();
    test_binary_guid_spelling();

    PWSTR error = NULL;
    CHECK_HR(HcnDeleteNetwork(&networkId, &error), S_OK, "HcnDeleteNetwork");
    CHECK(error == NULL, "delete: ErrorRecord NULL on success");
    CHECK(wait_for(&service.networkDelete, 1), "the service callback receives NetworkDelete");
    CHECK_HR(
        HcnModifyNetwork(network,
                         L"{\"ResourceType\":\"Policy\",\"RequestType\":\"Add\",\"Settings\":{\"Policies\":"
                         L"[{\"Type\":\"HostRoute\",\"Settings\":{}}]}}",
                         &error),
        HCN_E_OBJECT_USED_AFTER_UNLOAD, "modify a deleted network's handle");
    CHECK(is_error_record(error, HCN_E_OBJECT_USED_AFTER_UNLOAD), "ErrorRecord of a use after delete");
    take(&error);
    CHECK_HR(HcnCloseNetwork(network), S_OK, "close the deleted network's handle");
    CHECK(atomic_load(&service.badStatus) == 0, "every notification has a success status");

    CHECK_HR(HcnUnregisterGuestNetworkServiceCallback(serviceCallback), E_HANDLE,
             "a service callback handle is not a GNS callback handle");
    CHECK_HR(HcnUnregisterServiceCallback(serviceCallback), S_OK, "HcnUnregisterServiceCallback");
    CHECK_HR(HcnUnregisterServiceCallback(serviceCallback), E_HANDLE, "unregister a service callback twice");
    CHECK_HR(HcnUnregisterServiceCallback(NULL), E_HANDLE, "unregister NULL");

    printf("%d passed, %d failed\n", g_passed, g_failed);
    return g_failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
