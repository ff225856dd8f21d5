#pragma once
// Redaction of what a host's documents say about the customer (docs/bundles.md): a Redactor turns IP
// addresses, MACs, GUIDs and names into pseudonyms that are the same wherever they appear (every file of
// a bundle, free text included) for one key, and different for another. Addresses are mapped
// prefix-preserving (two addresses sharing exactly N leading bits still do), so subnets, gateways and
// pools keep their relations; a few special ranges are kept as they are. The mapping, original to
// pseudonym, can be handed to the user to translate answers back; it never goes into a bundle.

#include "hcn/status.h"

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace hcn::io {

/// 128 bits that decide every pseudonym.
struct RedactionKey
{
    std::array<std::uint8_t, 16> bytes{};

    /// From the system's random source.
    static RedactionKey random();
    /// From the contents of a key file: 32 hex digits are the key itself; any other (non-empty) text is
    /// hashed (SHA-256) to one, so a passphrase works too.
    static Result<RedactionKey> fromText(std::string_view text);
    /// 32 lower-case hex digits; fromText reads it back.
    std::string toHex() const;
};

/// What a name belongs to: its pseudonym is "<kind>-<n>" ("network-1", "endpoint-7").
enum class NameKind
{
    Network,
    Endpoint,
    Namespace,
    LoadBalancer,
    Route,
    GuestNetworkService,
    Container,
    Dns, ///< DNS suffixes and search domains: "dns-3.example"
    Host,
    Other,
};

std::string_view nameKindLabel(NameKind kind);

class Redactor
{
public:
    explicit Redactor(RedactionKey key = RedactionKey::random());
    ~Redactor();
    Redactor(const Redactor&) = delete;
    Redactor& operator=(const Redactor&) = delete;

    const RedactionKey& key() const;

    /// One address in its usual spelling ("10.0.0.5", "fe80::1", "00-15-5D-01-02-03", "{GUID}"): its
    /// pseudonym in the same spelling (separator, case, braces), or nullopt when it is none of these.
    std::optional<std::string> address(std::string_view text);
    /// A prefix ("10.0.0.0/16", "fd00::/64"): the image of its leading bits, host bits as given, so
    /// every address inside it maps inside the result. nullopt when it is no prefix.
    std::optional<std::string> prefix(std::string_view text);
    /// The two ends of a range (IPs or MACs, "StartIpAddress"/"EndIpAddress"): both keep the leading bits
    /// they share, mapped, and their own remaining bits, so the range keeps its size and a range that is
    /// a whole block holds exactly the images of what it held. nullopt when they are not one family.
    std::optional<std::pair<std::string, std::string>> range(std::string_view start, std::string_view end);
    /// The 32-bit (IPv4) and 128-bit (IPv6) mappings themselves.
    std::uint32_t ipv4(std::uint32_t address);
    std::array<std::uint8_t, 16> ipv6(const std::array<std::uint8_t, 16>& address);

    /// Registers a name so free text finds it later; returns its pseudonym ("network-1"). The same name
    /// (exact spelling) keeps the pseudonym it got first, whatever kind it is registered with later.
    std::string name(NameKind kind, std::string_view original);

    /// Free text (an error message, an event summary, a description, a dump's original lines): every IP
    /// address (with or without /prefix), MAC, GUID and every name registered so far replaced.
    std::string text(std::string_view original);

    /// A snapshot document (docs/snapshots.md, also with an "Import" report): first every name the
    /// documents give (object names, DNS domains and search lists, container IDs, host names) is
    /// registered by its field, then every string of the document is redacted (structural values such
    /// as "Type" are left alone). Address ranges written as Start/End pairs stay ranges of the same size.
    void redactSnapshot(nlohmann::json& snapshot);
    /// Every string value of `value` (object keys are kept) through text(), names included.
    void redactJson(nlohmann::json& value);
    /// Names a snapshot gives, registered without redacting anything (redactSnapshot calls it).
    void learnNames(const nlohmann::json& snapshot);

    /// What was replaced so far: {"Key": hex, "IPv4": {orig: pseudonym}, "IPv6", "MAC", "GUID", "Names"}.
    nlohmann::json mapping() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace hcn::io
