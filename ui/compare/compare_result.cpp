#include "compare/compare_result.h"

namespace hcn::ui {

namespace {

void collectNames(const HostState& host, QHash<QString, QString>& names)
{
    for (ResourceKind kind : kResourceKinds)
        for (const HostObject* object : host.objects(kind))
            if (auto name = object->document->find("Name"); name != object->document->end() &&
                                                            name->is_string() &&
                                                            !name->get_ref<const std::string&>().empty())
                names.insert(QString::fromStdString(object->id),
                             QString::fromStdString(name->get<std::string>()));
}

} // namespace

CompareResult computeComparison(const HostState& before, const HostState& after, const QString& beforeLabel,
                                const QString& afterLabel)
{
    CompareResult result;
    result.diff = diffHosts(before, after);
    result.marks = compareMarks(result.diff);
    collectNames(before, result.names);
    collectNames(after, result.names);
    result.beforeLabel = beforeLabel;
    result.afterLabel = afterLabel;
    return result;
}

} // namespace hcn::ui
