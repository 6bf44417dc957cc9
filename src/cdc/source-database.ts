import { Construct } from 'constructs';
import { ISourceDatabase, SourceDatabaseAttributes, SourceEngine } from './cdc-contract';
import { invalidProp } from '../core/errors';
import { isUnresolved } from '../core/validate';
import { ICredential } from '../secrets/secret-store-contract';

class ImportedSourceDatabase extends Construct implements ISourceDatabase {
  public readonly engine: SourceEngine;
  public readonly host: string;
  public readonly port: number;
  public readonly databaseName: string;
  public readonly cdcCredential: ICredential;
  public readonly tlsRequired: boolean;

  constructor(scope: Construct, id: string, attrs: SourceDatabaseAttributes) {
    super(scope, id);
    if (!Object.values(SourceEngine).includes(attrs.engine)) {
      throw invalidProp(this, 'engine', attrs.engine, `use one of ${Object.values(SourceEngine).join(', ')}`);
    }
    if (!isUnresolved(attrs.port) && (!Number.isInteger(attrs.port) || attrs.port < 1 || attrs.port > 65_535)) {
      throw invalidProp(this, 'port', attrs.port, 'must be an integer from 1 to 65535');
    }
    if (typeof attrs.host !== 'string' || (!isUnresolved(attrs.host) && !/^[A-Za-z0-9.-]{1,253}$/.test(attrs.host))) {
      throw invalidProp(this, 'host', attrs.host, 'use a DNS name or an IPv4 address');
    }
    this.engine = attrs.engine;
    this.host = attrs.host;
    this.port = attrs.port;
    this.databaseName = attrs.databaseName;
    this.cdcCredential = attrs.cdcCredential;
    this.tlsRequired = attrs.tlsRequired ?? true;
  }
}

/** Source databases that exist already (managed elsewhere). */
export class SourceDatabase {
  /** An existing database; its CDC user must have the privileges the README lists per engine. */
  public static fromAttributes(scope: Construct, id: string, attrs: SourceDatabaseAttributes): ISourceDatabase {
    return new ImportedSourceDatabase(scope, id, attrs);
  }

  private constructor() {}
}
