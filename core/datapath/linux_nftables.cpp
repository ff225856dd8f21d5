#include "datapath/linux_nftables.h"

#include <nftables/libnftables.h>
#include <utility>

namespace hcn::linuxdp {

Result<Nftables> Nftables::open()
{
    nft_ctx* ctx = nft_ctx_new(NFT_CTX_DEFAULT);
    if (!ctx)
        return Status(hr::OutOfMemory, "cannot create an nftables context.");
    nft_ctx_buffer_output(ctx);
    nft_ctx_buffer_error(ctx);
    return Nftables(ctx);
}

Nftables::Nftables(Nftables&& other) noexcept : m_ctx(std::exchange(other.m_ctx, nullptr)) {}

Nftables& Nftables::operator=(Nftables&& other) noexcept
{
    if (this != &other) {
        if (m_ctx)
            nft_ctx_free(m_ctx);
        m_ctx = std::exchange(other.m_ctx, nullptr);
    }
    return *this;
}

Nftables::~Nftables()
{
    if (m_ctx)
        nft_ctx_free(m_ctx);
}

Status Nftables::run(const std::string& commands)
{
    if (commands.empty())
        return Status::success();
    if (nft_run_cmd_from_buffer(m_ctx, commands.c_str()) != 0) {
        std::string error = nft_ctx_get_error_buffer(m_ctx);
        while (!error.empty() && (error.back() == '\n' || error.back() == ' '))
            error.pop_back();
        return Status(hr::Fail, "nftables refused the change: " + error);
    }
    nft_ctx_get_error_buffer(m_ctx); // drop any warnings
    return Status::success();
}

Result<std::string> Nftables::list(const std::string& command)
{
    if (nft_run_cmd_from_buffer(m_ctx, command.c_str()) != 0)
        return Status(hr::Fail, std::string("nftables: ") + nft_ctx_get_error_buffer(m_ctx));
    return std::string(nft_ctx_get_output_buffer(m_ctx));
}

} // namespace hcn::linuxdp
