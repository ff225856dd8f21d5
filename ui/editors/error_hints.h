#pragma once
// ErrorHints: a plain-language hint for the HRESULTs users meet most when they create or change HCN
// objects: what probably went wrong and what to do about it.

#include "hcn/hresult.h"

#include <QCoreApplication>
#include <QString>

namespace hcn::ui {

class ErrorHints
{
    Q_DECLARE_TR_FUNCTIONS(hcn::ui::ErrorHints)
public:
    /// The hint for `code`, or an empty string when there is nothing to add to the message.
    static QString hint(HResult code);
    /// "HCN_E_PORT_ALREADY_EXISTS (0x803B0013)", or just the hex spelling for an unnamed code.
    static QString title(HResult code);
};

} // namespace hcn::ui
