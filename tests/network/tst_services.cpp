#include <QTest>
class TestServices : public QObject
{
    Q_OBJECT
};
QTEST_GUILESS_MAIN(TestServices)
#include "tst_services.moc"
