#include "theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace quire::ui {

Theme theme_from_name(const QString & name) {
    if (name == "light") return Theme::Light;
    if (name == "dark") return Theme::Dark;
    return Theme::System;
}

QString theme_name(Theme t) { return t == Theme::Light ? "light" : t == Theme::Dark ? "dark" : "system"; }

void apply_theme(Theme t) {
    static const QString platform_style = QApplication::style() ? QApplication::style()->name() : QString();
    if (t == Theme::System) {
        if (QStyle * s = QStyleFactory::create(platform_style)) QApplication::setStyle(s);
        QApplication::setPalette(QApplication::style()->standardPalette());
        return;
    }
    QApplication::setStyle(QStyleFactory::create("Fusion"));
    if (t == Theme::Light) {
        QApplication::setPalette(QApplication::style()->standardPalette());
        return;
    }
    QPalette p;
    const QColor window(37, 37, 38), base(30, 30, 30), text(220, 220, 220), dim(130, 130, 130), button(50, 50, 52);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(45, 45, 48));
    p.setColor(QPalette::ToolTipBase, QColor(60, 60, 64));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, dim);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(255, 90, 90));
    p.setColor(QPalette::Highlight, QColor(38, 79, 120));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(110, 170, 255));
    p.setColor(QPalette::LinkVisited, QColor(170, 140, 255));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) p.setColor(QPalette::Disabled, role, QColor(105, 105, 105));
    p.setColor(QPalette::Disabled, QPalette::Button, QColor(42, 42, 44));
    QApplication::setPalette(p);
}

} // namespace quire::ui
