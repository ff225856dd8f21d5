#include "topology/topology_node_item.h"

#include "topology/topology_edge_item.h"
#include "topology/topology_scene.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace hcn::ui {

namespace {

constexpr qreal kPadding = 7.0;
constexpr qreal kMaxWidth = 300.0;
constexpr qreal kMinWidth = 100.0;
constexpr qreal kBadgeHeight = 17.0;
constexpr qreal kCorner = 5.0;
// Below this on-screen scale even the shape is a speck: a flat box, no antialiasing (cheap for
// thousands of items).
constexpr qreal kOutlineScale = 0.2;

QFont titleFont()
{
    QFont font;
    font.setPointSizeF(11.0);
    font.setBold(true);
    return font;
}

QFont textFont()
{
    QFont font;
    font.setPointSizeF(9.5);
    return font;
}

QFont badgeFont()
{
    QFont font;
    font.setPointSizeF(8.5);
    return font;
}

/// The height of a font's letters in scene units (ascent: capitals and ascenders).
qreal letterHeight(const QFont& font)
{
    return QFontMetricsF(font).ascent();
}

} // namespace

bool TopologyNodeItem::isLegibleAt(const QFont& font, qreal scale)
{
    return letterHeight(font) * scale >= kMinLegiblePixels;
}

qreal TopologyNodeItem::legibleScale()
{
    return kMinLegiblePixels / letterHeight(titleFont());
}

QColor TopologyNodeItem::fillColor(TopologyNodeKind kind)
{
    switch (kind) {
    case TopologyNodeKind::Host:
        return QColor(0x45, 0x4f, 0x5a);
    case TopologyNodeKind::Network:
        return QColor(0xcf, 0xe2, 0xf3);
    case TopologyNodeKind::Endpoint:
        return QColor(0xd9, 0xf2, 0xd0);
    case TopologyNodeKind::RemoteEndpoint:
        return QColor(0xfc, 0xe8, 0xcf);
    case TopologyNodeKind::Namespace:
        return QColor(0xe6, 0xdc, 0xf5);
    case TopologyNodeKind::LoadBalancer:
        return QColor(0xf8, 0xd4, 0xd4);
    case TopologyNodeKind::Aggregate:
        return QColor(0xe8, 0xe8, 0xe8);
    case TopologyNodeKind::Invalid:
        break;
    }
    return Qt::white;
}

QColor TopologyNodeItem::borderColor(TopologyNodeKind kind)
{
    switch (kind) {
    case TopologyNodeKind::Network:
        return QColor(0x2b, 0x6c, 0xb0);
    case TopologyNodeKind::Endpoint:
        return QColor(0x3c, 0x8d, 0x2f);
    case TopologyNodeKind::RemoteEndpoint:
        return QColor(0xc0, 0x70, 0x10);
    case TopologyNodeKind::Namespace:
        return QColor(0x6a, 0x4c, 0xa3);
    case TopologyNodeKind::LoadBalancer:
        return QColor(0xb0, 0x30, 0x30);
    default:
        return QColor(0x40, 0x40, 0x40);
    }
}

namespace {

qreal lineHeight(const QFont& font)
{
    return QFontMetricsF(font).height();
}

QString elided(const QString& text, const QFont& font, qreal width)
{
    return QFontMetricsF(font).elidedText(text, Qt::ElideMiddle, width);
}

} // namespace

qsizetype TopologyNodeItem::linesToDraw(qreal scale) const
{
    if (m_node.lines.isEmpty() || !isLegibleAt(titleFont(), scale))
        return 0; // the shape alone
    // The details are smaller than the name: they go first, the name stays as long as it can be read.
    return isLegibleAt(textFont(), scale) ? m_node.lines.size() : 1;
}

namespace {

/// Below this many pixels of box width a shortened name says too little to be worth drawing.
constexpr qreal kMinCompactNamePixels = 40.0;

/// The title font enlarged in scene units so that its letters are kMinLegiblePixels high at `scale`.
QFont compactTitleFont(qreal scale)
{
    QFont font = titleFont();
    const qreal natural = letterHeight(font) * scale;
    if (natural > 0)
        font.setPointSizeF(font.pointSizeF() * TopologyNodeItem::kMinLegiblePixels / natural);
    return font;
}

} // namespace

bool TopologyNodeItem::drawsCompactNameAt(qreal scale) const
{
    if (m_node.lines.isEmpty() || scale < kOutlineScale || linesToDraw(scale) > 0)
        return false;
    return m_size.width() * scale >= kMinCompactNamePixels &&
           lineHeight(compactTitleFont(scale)) <= m_size.height() - 2;
}

bool TopologyNodeItem::drawsBadgesAt(qreal scale) const
{
    return m_badgesVisible && !m_node.badges.isEmpty() && isLegibleAt(badgeFont(), scale);
}

TopologyNodeItem::TopologyNodeItem(const TopologyNode& node, QSizeF size)
    : m_node(node), m_size(size.isEmpty() ? sizeFor(node) : size)
{
    setFlag(ItemIsSelectable);
    setFlag(ItemSendsGeometryChanges);
    setAcceptHoverEvents(false);
    setToolTip(m_node.toolTip);
    setZValue(node.kind == TopologyNodeKind::Namespace ? 1.5 : 2.0);
}

QSizeF TopologyNodeItem::sizeFor(const TopologyNode& node)
{
    const QFontMetricsF title(titleFont());
    const QFontMetricsF text(textFont());
    qreal width = kMinWidth;
    qreal height = 2 * kPadding;
    for (qsizetype i = 0; i < node.lines.size(); ++i) {
        const QFontMetricsF& metrics = i == 0 ? title : text;
        width = qMax(width, metrics.horizontalAdvance(node.lines[i]) + 2 * kPadding);
        height += metrics.height();
    }
    if (!node.badges.isEmpty())
        height += kBadgeHeight + 2;
    return QSizeF(qMin(width, kMaxWidth), height);
}

bool TopologyNodeItem::setNode(const TopologyNode& node, QSizeF size)
{
    if (node == m_node)
        return false;
    if (size.isEmpty())
        size = sizeFor(node);
    if (size != m_size) {
        prepareGeometryChange();
        m_size = size;
        for (TopologyEdgeItem* edge : std::as_const(m_edges))
            edge->updateGeometry();
    }
    m_node = node;
    setToolTip(m_node.toolTip);
    update();
    return true;
}

void TopologyNodeItem::setHighlighted(bool highlighted)
{
    if (m_highlighted == highlighted)
        return;
    m_highlighted = highlighted;
    update();
}

void TopologyNodeItem::setDimmed(bool dimmed)
{
    if (m_dimmed == dimmed)
        return;
    m_dimmed = dimmed;
    update();
}

void TopologyNodeItem::setCompareMark(CompareMark mark)
{
    if (m_compareMark == mark)
        return;
    m_compareMark = mark;
    update();
}

void TopologyNodeItem::setBadgesVisible(bool visible)
{
    if (m_badgesVisible == visible)
        return;
    m_badgesVisible = visible;
    update();
}

QStringList TopologyNodeItem::visibleTexts() const
{
    QStringList texts;
    const qreal width = m_size.width() - 2 * kPadding;
    for (qsizetype i = 0; i < m_node.lines.size(); ++i)
        texts.append(elided(m_node.lines[i], i == 0 ? titleFont() : textFont(), width));
    return texts;
}

QRectF TopologyNodeItem::boundingRect() const
{
    // Centred on pos(): Graphviz reports node centres.
    return QRectF(-m_size.width() / 2 - 2, -m_size.height() / 2 - 2, m_size.width() + 4, m_size.height() + 4);
}

QPainterPath TopologyNodeItem::shape() const
{
    QPainterPath path;
    path.addRect(QRectF(-m_size.width() / 2, -m_size.height() / 2, m_size.width(), m_size.height()));
    return path;
}

void TopologyNodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget)
{
    Q_UNUSED(widget);
    const auto* topologyScene = qobject_cast<const TopologyScene*>(scene());
    const bool exporting = topologyScene && topologyScene->isExporting();
    // What one scene unit measures on screen decides what can be read.
    const qreal scale = exporting ? 1.0 : option->levelOfDetailFromTransform(painter->worldTransform());
    const QRectF box(-m_size.width() / 2, -m_size.height() / 2, m_size.width(), m_size.height());
    QColor fill = fillColor(m_node.kind);
    QColor border = borderColor(m_node.kind);
    if (m_dimmed) {
        fill.setAlpha(70);
        border.setAlpha(90);
    }
    QPen pen(border, isSelected() ? 3.0 : 1.2);
    if (m_node.kind == TopologyNodeKind::RemoteEndpoint || m_node.kind == TopologyNodeKind::Aggregate)
        pen.setStyle(Qt::DashLine);
    const QColor compareColor = compareMarkColor(m_compareMark);
    if (compareColor.isValid())
        pen = QPen(compareColor, 2.5);
    if (m_highlighted)
        pen = QPen(QColor(0xff, 0xa0, 0x00), 3.5);
    if (isSelected())
        pen.setColor(m_highlighted ? QColor(0xff, 0x60, 0x00) : QColor(0x10, 0x60, 0xe0));

    // The view does not save/restore painter state per item (DontSavePainterState): set every hint.
    painter->setRenderHint(QPainter::Antialiasing, scale >= kOutlineScale);
    if (scale < kOutlineScale) {
        // Far out: a flat box is all the eye can use, and it is cheap for thousands of items.
        painter->setPen(isSelected() || m_highlighted || compareColor.isValid() ? pen : Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRect(box);
        if (compareColor.isValid())
            painter->fillRect(QRectF(box.left(), box.top(), box.width() / 6, box.height()), compareColor);
        return;
    }
    painter->setPen(pen);
    painter->setBrush(fill);
    painter->drawRoundedRect(box, kCorner, kCorner);
    if (compareColor.isValid()) // the comparison's stripe, inside the box: it survives selection's outline
        painter->fillRect(QRectF(box.left() + 1.5, box.top() + kCorner, 4.0, box.height() - 2 * kCorner),
                          compareColor);

    const QColor textColor =
        m_node.kind == TopologyNodeKind::Host ? QColor(Qt::white) : QColor(0x20, 0x20, 0x20);
    painter->setPen(m_dimmed ? QColor(textColor.red(), textColor.green(), textColor.blue(), 110) : textColor);
    const qreal textWidth = box.width() - 2 * kPadding;
    qreal y = box.top() + kPadding;
    const qsizetype lines = linesToDraw(scale);
    if (drawsCompactNameAt(scale)) {
        const QFont font = compactTitleFont(scale);
        painter->setFont(font);
        painter->drawText(QRectF(box.left() + kPadding / 2, box.top(), box.width() - kPadding, box.height()),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          elided(m_node.lines[0], font, box.width() - kPadding));
        return;
    }
    for (qsizetype i = 0; i < lines; ++i) {
        const QFont font = i == 0 ? titleFont() : textFont();
        painter->setFont(font);
        const qreal height = lineHeight(font);
        painter->drawText(QRectF(box.left() + kPadding, y, textWidth, height),
                          Qt::AlignLeft | Qt::AlignVCenter, elided(m_node.lines[i], font, textWidth));
        y += height;
    }
    if (!drawsBadgesAt(scale))
        return;

    painter->setFont(badgeFont());
    const QFontMetricsF metrics(badgeFont());
    qreal x = box.left() + kPadding;
    const qreal badgeTop = box.bottom() - kPadding - kBadgeHeight + 2;
    for (const QString& badge : m_node.badges) {
        const qreal room = box.right() - kPadding - x;
        if (room < 24)
            break;
        const QString text = metrics.elidedText(badge, Qt::ElideRight, room - 8);
        const QRectF chip(x, badgeTop, metrics.horizontalAdvance(text) + 8, kBadgeHeight - 2);
        painter->setPen(QPen(border, 0.8));
        painter->setBrush(QColor(255, 255, 255, m_dimmed ? 80 : 200));
        painter->drawRoundedRect(chip, 3, 3);
        painter->setPen(QColor(0x30, 0x30, 0x30));
        painter->drawText(chip, Qt::AlignCenter, text);
        x = chip.right() + 4;
    }
}

QVariant TopologyNodeItem::itemChange(GraphicsItemChange change, const QVariant& value)
{
    if (change == ItemPositionHasChanged)
        for (TopologyEdgeItem* edge : std::as_const(m_edges))
            edge->updateGeometry();
    return QGraphicsItem::itemChange(change, value);
}

} // namespace hcn::ui
