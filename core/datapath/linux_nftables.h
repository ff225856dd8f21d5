#pragma once
// In-process nftables (libnftables): one context, each call one buffer of commands that the kernel
// applies as one transaction (all or nothing).

#include "hcn/status.h"

#include <string>

struct nft_ctx;

namespace hcn::linuxdp {

class Nftables
{
public:
    static Result<Nftables> open();
    Nftables(Nftables&& other) noexcept;
    Nftables& operator=(Nftables&& other) noexcept;
    Nftables(const Nftables&) = delete;
    Nftables& operator=(const Nftables&) = delete;
    ~Nftables();

    /// Runs `commands` (nft syntax, one per line) as one transaction; the error names nft's complaint.
    Status run(const std::string& commands);
    /// Runs a listing command ("list table ip hcn") and returns its text output.
    Result<std::string> list(const std::string& command);

private:
    explicit Nftables(nft_ctx* ctx) : m_ctx(ctx) {}
    nft_ctx* m_ctx = nullptr;
};

} // namespace hcn::linuxdp
