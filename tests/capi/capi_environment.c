/*
 * capi_environment: the process-wide engine takes its configuration from the environment on first use.
 *   capi_environment configured   HCN_HNS_VERSION=10.3, HCN_SCHEMA_VERSION=2.11 and an HCN_SIM_ENVIRONMENT
 *                                 adapter: objects carry Version 10.3, overlay networks take the adapter's
 *                                 address as ProviderAddress.
 *   capi_environment invalid      HCN_HNS_VERSION=bogus: calls fail with E_INVALIDARG naming the variable
 *                                 until the environment is corrected, then the engine starts.
 *   capi_environment unreachable  HCN_SERVICE_SOCKET names a socket nobody serves: calls fail with
 *                                 HCN_E_MANAGER_STOPPED naming the variable and the socket, without
 *                                 remembering it; with the variable emptied the in-process engine starts.
 */
#define _POSIX_C_SOURCE 200809L /* setenv */

#include <computenetwork.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static int g_passed;
static int g_failed;

static void check(int ok, const char* what)
{
    printf("%s %s\n", ok ? "ok  " : "FAIL", what);
    if (ok)
        ++g_passed;
    else
        ++g_failed;
}

static const wchar_t* const kOverlay =
    L"{\"SchemaVersion\":{\"Major\":2,\"Minor\":0},\"Name\":\"env-overlay\",\"Type\":\"Overlay\",\"Ipams\":[{"
    L"\"Subnets\":[{\"IpAddressPrefix\":\"10.244.7.0/24\",\"Routes\":[{\"NextHop\":\"10.244.7.1\","
    L"\"DestinationPrefix\":\"0.0.0.0/0\"}]}]}]}";

static void configured(void)
{
    GUID zero = {0};
    HCN_NETWORK network = NULL;
    PWSTR error = NULL;
    PWSTR props = NULL;
    HRESULT hr = HcnCreateNetwork(&zero, kOverlay, &network, &error);
    check(hr == S_OK && error == NULL, "create an overlay network");
    hr = HcnQueryNetworkProperties(network, NULL, &props, NULL);
    check(hr == S_OK, "query it");
    /* (10 << 32) | 3: the object was created by an emulated HNS 10.3. */
    check(props != NULL && wcsstr(props, L"\"Version\":42949672963") != NULL, "Version encodes HNS 10.3");
    check(props != NULL && wcsstr(props, L"192.168.50.4") != NULL,
          "ProviderAddress comes from the HCN_SIM_ENVIRONMENT adapter");
    CoTaskMemFree(props);
    CoTaskMemFree(error);
    check(HcnCloseNetwork(network) == S_OK, "close it");
}

static void invalid(void)
{
    PWSTR list = (PWSTR)1;
    PWSTR error = NULL;
    HRESULT hr = HcnEnumerateNetworks(NULL, &list, &error);
    check(hr == E_INVALIDARG && list == NULL, "an invalid HCN_HNS_VERSION fails the call with E_INVALIDARG");
    check(error != NULL && wcsstr(error, L"HCN_HNS_VERSION \\\"bogus\\\"") != NULL,
          "the ErrorRecord names the variable");
    CoTaskMemFree(error);
    error = NULL;
    check(HcnCloseNetwork((HCN_NETWORK)0x1000) == E_INVALIDARG,
          "functions without ErrorRecord fail the same way");

    setenv("HCN_HNS_VERSION", "9.2", 1);
    hr = HcnEnumerateNetworks(NULL, &list, &error);
    check(hr == S_OK && error == NULL && list != NULL && wcscmp(list, L"[]") == 0,
          "once corrected, the next call starts the engine");
    CoTaskMemFree(list);
}

static void unreachable(void)
{
    PWSTR list = (PWSTR)1;
    PWSTR error = NULL;
    HRESULT hr = HcnEnumerateNetworks(NULL, &list, &error);
    check(hr == (HRESULT)0x803B0020 && list == NULL,
          "an unreachable HCN_SERVICE_SOCKET fails the call with HCN_E_MANAGER_STOPPED");
    check(error != NULL && wcsstr(error, L"HCN_SERVICE_SOCKET") != NULL &&
              wcsstr(error, L"/nonexistent/hcnd.sock") != NULL,
          "the ErrorRecord names the variable and the socket");
    CoTaskMemFree(error);
    error = NULL;
    hr = HcnEnumerateNetworks(NULL, &list, &error);
    check(hr == (HRESULT)0x803B0020 && error != NULL, "the next call tries again (and fails again)");
    CoTaskMemFree(error);
    error = NULL;

    setenv("HCN_SERVICE_SOCKET", "", 1);
    hr = HcnEnumerateNetworks(NULL, &list, &error);
    check(hr == S_OK && error == NULL && list != NULL && wcscmp(list, L"[]") == 0,
          "with the variable emptied the next call starts the in-process engine");
    CoTaskMemFree(list);
}

int main(int argc, char** argv)
{
    if (argc == 2 && strcmp(argv[1], "configured") == 0)
        configured();
    else if (argc == 2 && strcmp(argv[1], "invalid") == 0)
        invalid();
    else if (argc == 2 && strcmp(argv[1], "unreachable") == 0)
        unreachable();
    else
        check(0, "usage: capi_environment configured|invalid|unreachable");
    printf("%d passed, %d failed\n", g_passed, g_failed);
    return g_failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
