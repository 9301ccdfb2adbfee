#pragma once

#include <vim/extension.h>
#include <vim/taskdescription.h>

#include <QList>
#include <QString>

namespace sim {

/// The task types the simulated vCenter knows (real descriptionIds and WSDL method names),
/// their labels in English, German and French, and the extensions that register
/// further task types for TaskManager.CreateTask (§10).
class TaskCatalog final
{
public:
    enum Language
    {
        English,
        German,
        French,
        LanguageCount
    };

    struct TaskType
    {
        QString descriptionId;
        /// WSDL method name; empty for internal tasks (TaskInfo.name unset).
        QString methodName;
        QString entityType;
        bool cancelable = false;
        bool reportsProgress = true;
        /// Relative frequency in the generated workload.
        int weight = 1;
        /// The result is a new VirtualMachine MoRef (CreateVM_Task, CloneVM_Task).
        bool resultIsVm = false;
        QString label[LanguageCount];
        /// Set for task types registered by an extension.
        QString extensionKey;
    };

    TaskCatalog();

    const QList<TaskType> &types() const { return m_types; }
    const TaskType *find(const QString &descriptionId) const;
    /// True for ids that an extension registered (CreateTask accepts only these).
    bool isExtensionTaskType(const QString &descriptionId) const;

    /// TaskManager.description in the session's language.
    vim::TaskDescription description(Language language) const;
    const QList<vim::Extension> &extensions() const { return m_extensions; }

    /// `de`, `de_DE`, `de-AT` → German; `fr`, `fr_CA` → French; anything else English.
    static Language languageFor(const QString &locale);
    /// Well-formed locale ids (`en`, `de_DE`, `zh_Hant_TW`); Login rejects others.
    static bool isValidLocale(const QString &locale);

private:
    void addExtensions();

    QList<TaskType> m_types;
    QList<vim::Extension> m_extensions;
};

} // namespace sim
