#pragma once
// ModifyRequestBuilder: turns "applied document -> edited document" of an existing object into the HCN
// modify request(s) that make the host's object look like the edited one (hcn-api.md §3):
//   network:  Policies -> ResourceType Policy, Add / Remove / Update (Update replaces the policies of
//             each type it names); Dns -> ResourceType DNS, Update / Remove
//   endpoint: Policies -> ResourceType Policy, Add / Remove / Update (Update replaces the whole set)
//   namespace: Resources -> ResourceType Endpoint / Container, Add / Remove, one request per resource
//   load balancer, SDN route: the whole edited document (the host replaces the object)
// Every other difference is a change HCN cannot make on an existing object: it is listed in
// `unsupported` and the caller refuses to apply, so no edit is ever dropped silently.

#include "hcn/resource_kind.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace hcn::ui {

struct ModifyPlan
{
    /// The requests, in the order they must be sent.
    QList<QJsonObject> requests;
    /// True when requests holds one whole replacement document (load balancers, routes).
    bool replacement = false;
    /// "Name: HCN cannot rename an existing network" ... (empty when everything can be applied).
    QStringList unsupported;

    bool isEmpty() const { return requests.isEmpty() && unsupported.isEmpty(); }
    bool canApply() const { return unsupported.isEmpty(); }
};

class ModifyRequestBuilder
{
    Q_DECLARE_TR_FUNCTIONS(hcn::ui::ModifyRequestBuilder)
public:
    /// `ignoreServiceFields`: skip ID/Version/State/Health/Telemetry instead of reporting them (for plans
    /// between two documents the host produced, e.g. an undo, where the service may have moved them).
    static ModifyPlan build(ResourceKind kind, const QJsonObject& applied, const QJsonObject& edited,
                            bool ignoreServiceFields = false);
    /// Why `field` (top level) of an existing object of `kind` cannot be changed; empty if it can.
    static QString lockedReason(ResourceKind kind, const QString& field);
};

} // namespace hcn::ui
