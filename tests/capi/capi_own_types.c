/*
 * capi_own_types: a C program that already has its own Windows type definitions (as a portability
 * layer would) and tells computenetwork.h so with HCN_NO_WINDOWS_TYPES; the standard GUID_DEFINED and
 * _HRESULT_DEFINED guards keep the header from redefining GUID and HRESULT. Builds and makes a call.
 */
#include <stdint.h>
#include <stdio.h>
#include <wchar.h>

typedef int HRESULT;
#define _HRESULT_DEFINED
typedef struct _GUID
{
    unsigned int Data1;
    unsigned short Data2;
    unsigned short Data3;
    unsigned char Data4[8];
} GUID;
#define GUID_DEFINED
typedef unsigned int DWORD;
typedef unsigned int ULONG;
typedef unsigned short USHORT;
typedef unsigned short UINT16;
typedef unsigned int UINT32;
typedef unsigned long long UINT64;
typedef unsigned long SIZE_T;
typedef void* LPVOID;
typedef void* HANDLE;
typedef wchar_t* PWSTR;
typedef const wchar_t* PCWSTR;
#define S_OK ((HRESULT)0)

#define HCN_NO_WINDOWS_TYPES
#include <computenetwork.h>

int main(void)
{
    GUID zero = {0};
    HCN_NAMESPACE ns = NULL;
    PWSTR error = NULL;
    int failed = 0;
    if (HcnCreateNamespace(&zero, L"{\"SchemaVersion\":{\"Major\":2,\"Minor\":0}}", &ns, &error) != S_OK ||
        error) {
        printf("FAIL HcnCreateNamespace\n");
        failed = 1;
    }
    if (HcnCloseNamespace(ns) != S_OK) {
        printf("FAIL HcnCloseNamespace\n");
        failed = 1;
    }
    if (HcnOpenNamespace(&zero, &ns, &error) != (HRESULT)0x80070490 || !error) {
        printf("FAIL HcnOpenNamespace of the zero GUID\n");
        failed = 1;
    }
    CoTaskMemFree(error);
    printf("%d passed, %d failed\n", failed ? 0 : 3, failed ? 1 : 0);
    return failed;
}
