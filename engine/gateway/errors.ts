import { status } from '@grpc/grpc-js';

/** gRPC status codes by the names Zeebe's documentation uses. */
export type GrpcCode =
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'FAILED_PRECONDITION'
  | 'RESOURCE_EXHAUSTED'
  | 'DEADLINE_EXCEEDED'
  | 'UNAUTHENTICATED'
  | 'UNIMPLEMENTED'
  | 'UNAVAILABLE'
  | 'INTERNAL';

/**
 * A rejection as the Zeebe gateway reports it. Rejections of commands read
 * "Command '<INTENT>' rejected with code '<TYPE>': <reason>" (ZEEBE-SEMANTICS §14).
 */
export class GatewayError extends Error {
  constructor(
    readonly code: GrpcCode,
    message: string,
  ) {
    super(message);
    this.name = 'GatewayError';
  }

  static rejected(
    intent: string,
    code: 'INVALID_ARGUMENT' | 'NOT_FOUND' | 'ALREADY_EXISTS' | 'INVALID_STATE',
    reason: string,
  ) {
    const grpcCode = code === 'INVALID_STATE' ? 'FAILED_PRECONDITION' : code;
    return new GatewayError(grpcCode, `Command '${intent}' rejected with code '${code}': ${reason}`);
  }

  get grpcStatus(): status {
    return status[this.code];
  }
}
