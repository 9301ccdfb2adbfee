#pragma once

#include <vim/methodfault.h>

#include <exception>
#include <utility>

namespace sim {

/// Thrown by operation handlers; the dispatcher turns it into an HTTP 500 fault body.
class FaultException final : public std::exception
{
public:
    explicit FaultException(vim::MethodFault fault)
        : m_fault(std::move(fault))
    {}
    const vim::MethodFault &fault() const { return m_fault; }
    const char *what() const noexcept override { return "vim fault"; }

private:
    vim::MethodFault m_fault;
};

} // namespace sim
