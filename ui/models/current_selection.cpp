#include "current_selection.h"

namespace hcn::ui {

void CurrentSelection::setIds(const QStringList& ids, QObject* origin)
{
    if (ids == m_ids)
        return;
    m_ids = ids;
    emit changed(m_ids, origin);
}

} // namespace hcn::ui
